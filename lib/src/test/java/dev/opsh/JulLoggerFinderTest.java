package dev.opsh;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JulLoggerFinderTest {
    private final Logger jul = Logger.getLogger("opsh.test.finder");
    private final List<LogRecord> records = new ArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            records.add(record);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };

    @BeforeEach
    void listen() {
        jul.setUseParentHandlers(false);
        jul.addHandler(handler);
        jul.setLevel(Level.INFO);
    }

    @AfterEach
    void stopListening() {
        jul.removeHandler(handler);
        jul.setUseParentHandlers(true);
        jul.setLevel(null);
    }

    @Test
    void isTheJvmsLoggerFinder() {
        assertThat(System.LoggerFinder.getLoggerFinder()).isInstanceOf(JulLoggerFinder.class);
    }

    @Test
    void aSystemLoggerWritesToTheJulLoggerOfTheSameNameWithItsCaller() {
        System.getLogger("opsh.test.finder").log(System.Logger.Level.WARNING, "disk {0} at {1}%", "/var", 93);

        assertThat(records).singleElement().satisfies(record -> {
            assertThat(record.getLevel()).isEqualTo(Level.WARNING);
            assertThat(record.getLoggerName()).isEqualTo("opsh.test.finder");
            assertThat(record.getMessage()).isEqualTo("disk {0} at {1}%");
            assertThat(record.getParameters()).containsExactly("/var", 93);
            assertThat(record.getSourceClassName()).isEqualTo(JulLoggerFinderTest.class.getName());
            assertThat(record.getSourceMethodName()).isEqualTo("aSystemLoggerWritesToTheJulLoggerOfTheSameNameWithItsCaller");
        });
    }

    @Test
    void levelsMapAsTheJdksOwnBridgeMapsThem() {
        assertThat(JulLoggerFinder.julLevel(System.Logger.Level.ALL)).isEqualTo(Level.ALL);
        assertThat(JulLoggerFinder.julLevel(System.Logger.Level.TRACE)).isEqualTo(Level.FINER);
        assertThat(JulLoggerFinder.julLevel(System.Logger.Level.DEBUG)).isEqualTo(Level.FINE);
        assertThat(JulLoggerFinder.julLevel(System.Logger.Level.INFO)).isEqualTo(Level.INFO);
        assertThat(JulLoggerFinder.julLevel(System.Logger.Level.WARNING)).isEqualTo(Level.WARNING);
        assertThat(JulLoggerFinder.julLevel(System.Logger.Level.ERROR)).isEqualTo(Level.SEVERE);
        assertThat(JulLoggerFinder.julLevel(System.Logger.Level.OFF)).isEqualTo(Level.OFF);
    }

    @Test
    void aLoggerWritesWhatItsJulLevelAllows() {
        System.Logger logger = System.getLogger("opsh.test.finder");
        assertThat(logger.isLoggable(System.Logger.Level.INFO)).isTrue();
        assertThat(logger.isLoggable(System.Logger.Level.DEBUG)).isFalse();

        jul.setLevel(Level.FINER);
        assertThat(logger.isLoggable(System.Logger.Level.TRACE)).isTrue();
        jul.setLevel(Level.FINE);
        assertThat(logger.isLoggable(System.Logger.Level.DEBUG)).isTrue();
        assertThat(logger.isLoggable(System.Logger.Level.TRACE)).isFalse();

        logger.log(System.Logger.Level.TRACE, "not written");
        Throwable cause = new IllegalStateException("boom");
        logger.log(System.Logger.Level.ERROR, "failed", cause);
        assertThat(records).singleElement().satisfies(record -> {
            assertThat(record.getLevel()).isEqualTo(Level.SEVERE);
            assertThat(record.getThrown()).isSameAs(cause);
            assertThat(record.getSourceClassName()).isEqualTo(JulLoggerFinderTest.class.getName());
        });
    }

    @Test
    void aResourceBundleTravelsWithTheRecordByNameToo() {
        ResourceBundle bundle = ResourceBundle.getBundle("dev.opsh.JulLoggerFinderTestMessages");
        System.getLogger("opsh.test.finder", bundle).log(System.Logger.Level.WARNING, "disk.full", "/var");

        assertThat(records).singleElement().satisfies(record -> {
            assertThat(record.getResourceBundle()).isSameAs(bundle);
            assertThat(record.getResourceBundleName()).isEqualTo("dev.opsh.JulLoggerFinderTestMessages");
            assertThat(record.getMessage()).isEqualTo("disk.full");
            assertThat(new java.util.logging.SimpleFormatter().formatMessage(record)).isEqualTo("disk /var is full");
        });
    }
}
