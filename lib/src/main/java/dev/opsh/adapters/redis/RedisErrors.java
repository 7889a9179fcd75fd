package dev.opsh.adapters.redis;

import dev.opsh.ExitCode;
import dev.opsh.OpshException;
import dev.opsh.adapters.Causes;
import dev.opsh.adapters.DeadlineExceededException;
import dev.opsh.inventory.Deadlines;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Locale;
import redis.clients.jedis.exceptions.JedisAccessControlException;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisException;

/** Turns Jedis failures into one-line operator messages naming the service, its address and what was tried. */
final class RedisErrors {
    private RedisErrors() {}

    static OpshException translate(RedisTarget target, String tried, Deadlines deadlines, JedisException e) {
        String message = Causes.firstLine(e.getMessage());
        String upper = message.toUpperCase(Locale.ROOT);
        String at = target.endpoint().hostPort();
        if (upper.startsWith("NOAUTH")) {
            return new OpshException(ExitCode.FAILURE, "authentication failed for user " + target.userName() + " at " + at
                    + " (" + target + "): the server wants a password and the inventory gives none", e);
        }
        if (e instanceof JedisAccessControlException || upper.startsWith("WRONGPASS")) {
            return new OpshException(ExitCode.FAILURE, "authentication failed for user " + target.userName() + " at " + at
                    + " (" + target + "): " + message, e);
        }
        if (Causes.rootMessage(e).toLowerCase(Locale.ROOT).contains("connect timed out")) {
            return new DeadlineExceededException(target + " did not accept a TCP connection within "
                    + deadlines.connect().toMillis() + " ms while " + tried, e);
        }
        if (Causes.has(e, SocketTimeoutException.class)) {
            return new DeadlineExceededException(target + " did not answer within " + deadlines.read().toMillis()
                    + " ms while " + tried, e);
        }
        if (Causes.has(e, ConnectException.class)) {
            return new OpshException(ExitCode.FAILURE, "cannot connect to " + target + " while " + tried + ": "
                    + Causes.find(e, ConnectException.class).map(Throwable::getMessage).orElse("refused")
                    + " (is it running?)", e);
        }
        if (Causes.has(e, UnknownHostException.class)) {
            return new OpshException(ExitCode.FAILURE, "cannot resolve the address of " + target + " while " + tried, e);
        }
        if (e instanceof JedisConnectionException) {
            return new OpshException(ExitCode.FAILURE, target + " dropped the connection while " + tried + ": "
                    + Causes.rootMessage(e), e);
        }
        return new OpshException(ExitCode.FAILURE, target + ": " + message + " (while " + tried + ")", e);
    }

    static boolean isTimeout(JedisException e) {
        return Causes.has(e, SocketTimeoutException.class);
    }
}
