package dev.opsh.lab;

import java.io.IOException;
import java.time.Duration;

/**
 * What the lab knows about one of its services beyond starting and stopping it, which labctl does:
 * its files, how to tell it answers, and its one-time set-up.
 */
interface ServiceLauncher {
    String name();

    /** Its main loopback port. */
    int port();

    /** How long it may take to answer after labctl started it. */
    default Duration readyTimeout() {
        return Duration.ofSeconds(30);
    }

    /** Writes its configuration, and creates its data the first time. Starts no server. */
    void prepare(LabListener listener) throws IOException;

    /** Returns once it answers over its own protocol; an OpshException after {@link #readyTimeout()}. */
    void awaitReady();

    /** One-time work on the running service, such as seed data; does nothing once done. */
    default void initialize(LabListener listener) throws IOException {}
}
