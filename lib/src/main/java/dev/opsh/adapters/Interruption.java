package dev.opsh.adapters;

/**
 * The cause to give an {@link dev.opsh.OpshException} for a call that Ctrl-C cut short, whatever
 * low-level error the cut produced (a closed socket, a cancelled future), so that the engine
 * reports it as an interruption rather than as a failure of the service.
 */
public final class Interruption {
    private Interruption() {
    }

    public static InterruptedException of(Throwable observed) {
        InterruptedException interrupted = new InterruptedException("cancelled by Ctrl-C");
        interrupted.initCause(observed);
        return interrupted;
    }
}
