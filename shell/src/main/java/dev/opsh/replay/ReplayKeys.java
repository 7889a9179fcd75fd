package dev.opsh.replay;

/** The keys pressed during a replay. */
public interface ReplayKeys {
    /** What {@link #read} returns when no key came in time. */
    int TIMEOUT = -2;
    /** Ctrl-C, also reported when the terminal signals an interrupt. */
    int INTERRUPT = 3;

    /** The next key, waiting at most {@code timeoutMillis} (more than 0) for it; else {@link #TIMEOUT}. */
    int read(long timeoutMillis);

    /** The time now in milliseconds, on the clock {@link #read} waits by. */
    long millis();

    /** No keyboard (output is not a terminal): each read just waits out its timeout. */
    ReplayKeys NONE = new ReplayKeys() {
        @Override
        public int read(long timeoutMillis) {
            try {
                Thread.sleep(timeoutMillis);
                return TIMEOUT;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return INTERRUPT;
            }
        }

        @Override
        public long millis() {
            return System.nanoTime() / 1_000_000;
        }
    };
}
