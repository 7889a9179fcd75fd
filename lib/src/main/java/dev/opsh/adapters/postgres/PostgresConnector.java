package dev.opsh.adapters.postgres;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;
import org.postgresql.Driver;

/**
 * Opens JDBC connections whose every step is bounded: TCP connect by the connect deadline, the
 * whole login by the longer of the two deadlines, and each read by the read deadline. The driver counts in whole seconds, so each
 * deadline is rounded up to the next second; once connected, reads are bounded to the millisecond.
 */
final class PostgresConnector {
    private static final Driver DRIVER = new Driver();

    private PostgresConnector() {}

    /**
     * A connection to {@code target}.
     *
     * @param readSlack how much longer than {@code read} a socket read may wait once connected, so
     *     that the server's own statement timeout is reported before the socket gives up
     */
    static Connection open(PgTarget target, Duration connect, Duration read, Duration readSlack) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", target.user());
        if (target.password() != null) {
            p.setProperty("password", target.password());
        }
        p.setProperty("ApplicationName", target.applicationName());
        p.setProperty("connectTimeout", seconds(connect));
        p.setProperty("socketTimeout", seconds(read));
        p.setProperty("loginTimeout", seconds(connect.compareTo(read) >= 0 ? connect : read));
        p.setProperty("cancelSignalTimeout", seconds(connect));
        p.setProperty("tcpKeepAlive", "true");
        Connection connection = DRIVER.connect(target.url(), p);
        connection.setNetworkTimeout(Runnable::run, Math.toIntExact(read.plus(readSlack).toMillis()));
        return connection;
    }

    private static String seconds(Duration d) {
        long millis = d.toMillis();
        return Long.toString(Math.max(1, (millis + 999) / 1000));
    }
}
