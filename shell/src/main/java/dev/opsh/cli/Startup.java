package dev.opsh.cli;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * Start-up work that runs beside the main thread so the prompt comes sooner: the inventory is read
 * while the terminal opens, the transcript header is written while the prompt is drawn, and Groovy
 * starts while {@code -e} reads its inventory. Each runs on its own daemon thread (a pool would
 * cost more to start than the work it saves), and its failure reaches the main thread unchanged.
 */
final class Startup {
    private Startup() {}

    static void inBackground(String name, Runnable work) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        thread.start();
    }

    static <T> CompletableFuture<T> supply(String name, Supplier<T> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        inBackground(name, () -> {
            try {
                result.complete(work.get());
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        });
        return result;
    }

    /** The value, or the very exception the work threw, so the single catch point sees what it would have. */
    static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }
}
