package dev.opsh;

import java.util.ResourceBundle;
import java.util.logging.Logger;

/**
 * Sends the JDK's own logging ({@link System.Logger}) to {@code java.util.logging}, where the JDK
 * sends it when no finder is registered: a logger of the same name, the same handlers, and the
 * caller as the source. One difference: the JDK's internal loggers reach it through
 * {@code System.Logger}'s seven levels, so their FINEST arrives as FINER and their CONFIG as FINE
 * (the JDK's own bridge keeps those two), which matters only to a {@code logging.properties} that
 * tunes a JDK logger at exactly those levels.
 *
 * <p>It exists for start-up time. When {@code java.util.logging} starts (JLine's first use, before
 * the first prompt) it asks whether a finder is registered, and the JDK's search reads one
 * registration ahead: with none, or one, it opens every jar on the class path to look for the
 * next, about 25 ms of a cold start's CPU. opsh-lib and the shell both register this class, and
 * the launcher puts both jars first, so that check stops at the second. (The JDK's loading of the
 * finder itself, on the first {@code System.getLogger}, still reads to the end of the class path;
 * nothing before the prompt makes one.) Being registered in opsh-lib, it is the finder of any JVM
 * that has opsh-lib on its class path.
 */
public final class JulLoggerFinder extends System.LoggerFinder {
    @Override
    public System.Logger getLogger(String name, Module module) {
        return new JulLogger(Logger.getLogger(name));
    }

    /** {@code System.Logger}'s levels as the JDK maps them to {@code java.util.logging}'s. */
    static java.util.logging.Level julLevel(System.Logger.Level level) {
        return switch (level) {
            case ALL -> java.util.logging.Level.ALL;
            case TRACE -> java.util.logging.Level.FINER;
            case DEBUG -> java.util.logging.Level.FINE;
            case INFO -> java.util.logging.Level.INFO;
            case WARNING -> java.util.logging.Level.WARNING;
            case ERROR -> java.util.logging.Level.SEVERE;
            case OFF -> java.util.logging.Level.OFF;
        };
    }

    /** Logs as the JDK's bridge does, through {@code logrb}, naming the caller itself since JUL would name this class. */
    private record JulLogger(Logger logger) implements System.Logger {
        @Override
        public String getName() {
            return logger.getName();
        }

        @Override
        public boolean isLoggable(Level level) {
            return logger.isLoggable(julLevel(level));
        }

        @Override
        public void log(Level level, ResourceBundle bundle, String message, Throwable thrown) {
            if (isLoggable(level)) {
                StackWalker.StackFrame caller = caller();
                logger.logrb(julLevel(level), caller == null ? null : caller.getClassName(),
                        caller == null ? null : caller.getMethodName(), bundle, message, thrown);
            }
        }

        @Override
        public void log(Level level, ResourceBundle bundle, String format, Object... params) {
            if (isLoggable(level)) {
                StackWalker.StackFrame caller = caller();
                logger.logrb(julLevel(level), caller == null ? null : caller.getClassName(),
                        caller == null ? null : caller.getMethodName(), bundle, format, params);
            }
        }

        /** The first frame outside the logging machinery, or null. */
        private static StackWalker.StackFrame caller() {
            return StackWalker.getInstance().walk(frames -> frames
                    .filter(frame -> !isLogging(frame.getClassName()))
                    .findFirst()
                    .orElse(null));
        }

        private static boolean isLogging(String className) {
            return className.equals(JulLoggerFinder.class.getName())
                    || className.startsWith(JulLoggerFinder.class.getName() + "$")
                    || className.startsWith("java.lang.System$Logger")
                    || className.startsWith("jdk.internal.logger.")
                    || className.startsWith("sun.util.logging.");
        }
    }
}
