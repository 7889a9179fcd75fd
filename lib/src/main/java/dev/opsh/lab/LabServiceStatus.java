package dev.opsh.lab;

/**
 * One lab service as {@link Lab#status} found it.
 *
 * @param pid the recorded PID, or 0 when the service was never started or was stopped
 * @param port its main loopback port (0 before the lab's ports are allocated)
 * @param detail one line: why it is down, or how it answered
 */
public record LabServiceStatus(String service, long pid, int port, State state, String detail) {
    /** UP: its process runs and its port accepts connections. */
    public enum State { UP, DOWN }

    public boolean up() {
        return state == State.UP;
    }
}
