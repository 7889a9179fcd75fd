package dev.opsh.dsl;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The network calls under way in this session, so that Ctrl-C can close them. A blocked socket
 * read does not notice a thread interrupt; closing its connection ends it at once.
 */
public final class InFlight {
    private final Set<AutoCloseable> calls = ConcurrentHashMap.newKeySet();

    /** Registers a call; closing the returned handle unregisters it without closing the call. */
    public Registration register(AutoCloseable call) {
        calls.add(call);
        return () -> calls.remove(call);
    }

    /** Closes every registered call. Called from the Ctrl-C handler. */
    public int cancelAll() {
        int n = 0;
        for (AutoCloseable call : Set.copyOf(calls)) {
            calls.remove(call);
            try {
                call.close();
                n++;
            } catch (Exception ignored) {
                // The call is being abandoned; a failure to close it changes nothing for the operator.
            }
        }
        return n;
    }

    /** A registration that can be used in try-with-resources. */
    public interface Registration extends AutoCloseable {
        @Override
        void close();
    }
}
