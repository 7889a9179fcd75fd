package dev.opsh;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
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
        System.Logger logger = System.getLogger("opsh.test.finder");
        assertThat(logger.isLoggable(System.Logger.Level.INFO)).isTrue();
        assertThat(logger.isLoggable(System.Logger.Level.DEBUG)).isFalse();

        jul.setLevel(Level.FINE);
        assertThat(logger.isLoggable(System.Logger.Level.DEBUG)).isTrue();
        assertThat(logger.isLoggable(System.Logger.Level.TRACE)).isFalse();

        logger.log(System.Logger.Level.TRACE, "not written");
        Throwable cause = new IllegalStateException("boom");
        logger.log(System.Logger.Level.ERROR, "failed", cause);
        assertThat(records).singleElement().satisfies(record -> {
            assertThat(record.getLevel()).isEqualTo(Level.SEVERE);
            assertThat(record.getThrown()).isSameAs(cause);
        });
    }
}
