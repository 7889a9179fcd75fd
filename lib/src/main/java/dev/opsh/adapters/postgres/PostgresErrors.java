package dev.opsh.adapters.postgres;

import dev.opsh.ExitCode;
import dev.opsh.OpshException;
import dev.opsh.adapters.Causes;
import dev.opsh.adapters.DeadlineExceededException;
import dev.opsh.inventory.Deadlines;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.util.Locale;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/** Turns JDBC failures into one-line operator messages naming the service, its address and what was tried. */
final class PostgresErrors {
    private PostgresErrors() {}

    /**
     * @param tried what opsh was doing, such as {@code "connecting"} or {@code "running sql()"}
     * @param deadlines the deadlines that applied; the one that fired is named
     */
    static OpshException translate(PgTarget target, String tried, Deadlines deadlines, SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String at = target.endpoint().hostPort();
        if (state.equals("28P01") || isMissingPassword(e)) {
            String why = isMissingPassword(e) ? " (the server wants a password and the inventory gives none)" : "";
            return new OpshException(ExitCode.FAILURE, "authentication failed for user " + target.user() + " at " + at
                    + why + " (" + target + ", database " + target.database() + ")", e);
        }
        if (state.startsWith("28")) {
            return new OpshException(ExitCode.FAILURE, target + " refused user " + target.user() + ": " + serverMessage(e), e);
        }
        if (state.equals("3D000")) {
            return new OpshException(ExitCode.FAILURE, "database '" + target.database() + "' does not exist on " + target, e);
        }
        if (state.equals("57014")) {
            return new DeadlineExceededException(tried + " on " + target + " exceeded the statement timeout of "
                    + deadlines.read().toMillis() + " ms and was cancelled by the server", e);
        }
        if (state.equals("25006")) {
            return new OpshException(ExitCode.FAILURE, "sql() is read-only: " + serverMessage(e)
                    + " (" + target + "); changes go through the guarded verbs", e);
        }
        if (Causes.rootMessage(e).toLowerCase(Locale.ROOT).contains("connect timed out")) {
            return new DeadlineExceededException(target + " did not accept a TCP connection within "
                    + deadlines.connect().toMillis() + " ms while " + tried, e);
        }
        if (Causes.has(e, SocketTimeoutException.class) || isLoginTimeout(e)) {
            return new DeadlineExceededException(target + " did not answer within " + deadlines.read().toMillis()
                    + " ms while " + tried, e);
        }
        if (Causes.has(e, ConnectException.class) || Causes.has(e, NoRouteToHostException.class)) {
            return new OpshException(ExitCode.FAILURE, "cannot connect to " + target + " while " + tried + ": "
                    + Causes.rootMessage(e) + " (is it running?)", e);
        }
        if (Causes.has(e, UnknownHostException.class)) {
            return new OpshException(ExitCode.FAILURE, "cannot resolve the address of " + target + " while " + tried, e);
        }
        if (state.equals("57P03")) {
            return new OpshException(ExitCode.FAILURE, target + " is not accepting connections yet while " + tried + ": "
                    + serverMessage(e), e);
        }
        if (state.startsWith("08") || state.startsWith("57P")) {
            return new OpshException(ExitCode.FAILURE, target + " dropped the connection while " + tried + ": "
                    + Causes.rootMessage(e), e);
        }
        return new OpshException(ExitCode.FAILURE, target + ": " + serverMessage(e) + " (while " + tried + ")", e);
    }

    /** Whether the connection behind this failure is unusable and must be discarded. */
    static boolean isConnectionFailure(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        return state.startsWith("08") || state.startsWith("57P") || Causes.has(e, IOException.class);
    }

    /** Whether the failure is a deadline firing, after which a retry would only wait again. */
    static boolean isTimeout(SQLException e) {
        return Causes.has(e, SocketTimeoutException.class) || isLoginTimeout(e);
    }

    private static boolean isMissingPassword(SQLException e) {
        return e.getSQLState() != null && e.getSQLState().equals("08004")
                && e.getMessage() != null && e.getMessage().contains("no password was provided");
    }

    private static boolean isLoginTimeout(SQLException e) {
        return e.getMessage() != null && e.getMessage().contains("Connection attempt timed out");
    }

    private static String serverMessage(SQLException e) {
        if (e instanceof PSQLException p && p.getServerErrorMessage() != null) {
            ServerErrorMessage m = p.getServerErrorMessage();
            String hint = m.getHint() == null ? "" : " (hint: " + m.getHint() + ")";
            return m.getSeverity() + ": " + m.getMessage() + hint + " [" + m.getSQLState() + "]";
        }
        return Causes.firstLine(e.getMessage());
    }
}
