package dev.opsh;

import java.util.Optional;
import java.util.ResourceBundle;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Sends the JDK's own logging ({@link System.Logger}) to {@code java.util.logging}, as the JDK
 * does when no finder is registered, so log output is what it would have been.
 *
 * <p>It exists for start-up time. The first use of {@code java.util.logging} (JLine's, before the
 * first prompt) asks whether a finder is registered, and that search opens every jar on the class
 * path when none is: about 25 ms of a cold start's CPU. Both opsh jars register this class, and
 * they come first on the class path, because the JDK's search reads one registration ahead: with
 * two it stops at the second instead of at the end of the class path.
 */
public final class JulLoggerFinder extends System.LoggerFinder {
    @Override
    public System.Logger getLogger(String name, Module module) {
        return new JulLogger(Logger.getLogger(name));
    }

    private record JulLogger(Logger logger) implements System.Logger {
        @Override
        public String getName() {
            return logger.getName();
        }

        @Override
        public boolean isLoggable(Level level) {
            return logger.isLoggable(jul(level));
        }

        @Override
        public void log(Level level, ResourceBundle bundle, String message, Throwable thrown) {
            if (isLoggable(level)) {
                LogRecord record = record(level, bundle, message);
                record.setThrown(thrown);
                logger.log(record);
            }
        }

        @Override
        public void log(Level level, ResourceBundle bundle, String format, Object... params) {
            if (isLoggable(level)) {
                LogRecord record = record(level, bundle, format);
                record.setParameters(params);
                logger.log(record);
            }
        }

        private LogRecord record(Level level, ResourceBundle bundle, String message) {
            LogRecord record = new LogRecord(jul(level), message);
            record.setLoggerName(logger.getName());
            record.setResourceBundle(bundle);
            // The caller is the first frame outside the logging machinery, as the JDK's bridge reports it.
            Optional<StackWalker.StackFrame> caller = StackWalker.getInstance().walk(frames -> frames
                    .filter(frame -> !isLogging(frame.getClassName()))
                    .findFirst());
            caller.ifPresent(frame -> {
                record.setSourceClassName(frame.getClassName());
                record.setSourceMethodName(frame.getMethodName());
            });
            return record;
        }

        private static boolean isLogging(String className) {
            return className.equals(JulLoggerFinder.class.getName())
                    || className.startsWith(JulLoggerFinder.class.getName() + "$")
                    || className.startsWith("java.lang.System$Logger")
                    || className.startsWith("jdk.internal.logger.")
                    || className.startsWith("sun.util.logging.");
        }

        /** The JDK's own mapping of {@link System.Logger.Level} to {@code java.util.logging}. */
        static java.util.logging.Level jul(Level level) {
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
    }
}
