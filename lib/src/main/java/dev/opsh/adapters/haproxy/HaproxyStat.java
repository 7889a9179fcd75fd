package dev.opsh.adapters.haproxy;

import java.time.Duration;

/**
 * One line of HAProxy's {@code show stat}: a frontend, a backend, or one server of a backend.
 *
 * @param proxy the frontend or backend name ({@code pxname})
 * @param server the server name, or FRONTEND / BACKEND for the proxy's own line ({@code svname})
 * @param type frontend, backend, server or listener
 * @param status UP, DOWN, OPEN, MAINT, NOLB, "UP 1/3" while a check is rising, ...
 * @param checkStatus the last health check's result, such as L7OK or L4CON; null when not checked
 * @param checkCode the layer 5-7 code of the last check, such as 200; null when none
 * @param checkDuration how long the last check took; null when not checked
 * @param checkDescription the last check's result in words; null when not checked
 * @param lastStatusChange how long ago the status last changed; null when unknown
 * @param downtime the total time spent down; null when not tracked
 * @param currentSessions sessions open now ({@code scur})
 * @param maxSessions the most sessions open at once ({@code smax})
 * @param sessionLimit the configured session limit ({@code slim}); null when unlimited
 * @param totalSessions sessions since start ({@code stot})
 * @param queued requests waiting for a server ({@code qcur})
 * @param address the server's address; null for frontends and backends
 */
public record HaproxyStat(String proxy, String server, String type, String status, Integer weight, String checkStatus,
        Integer checkCode, Duration checkDuration, String checkDescription, Duration lastStatusChange, Duration downtime,
        long currentSessions, long maxSessions, Long sessionLimit, long totalSessions, long queued, String address) {

    /** Whether HAProxy sends traffic here: UP (possibly while a check goes down), OPEN or no check. */
    public boolean serving() {
        return status != null && (status.startsWith("UP") || status.equals("OPEN") || status.equals("no check"));
    }
}
