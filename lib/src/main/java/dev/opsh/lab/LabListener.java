package dev.opsh.lab;

import java.time.Duration;

/**
 * Hears how {@link Lab#up} is going. Calls come from more than one thread (RabbitMQ starts in
 * parallel with the rest) but never at the same time.
 */
public interface LabListener {
    LabListener NONE = new LabListener() {};

    /** A step worth showing while a service is being set up, such as a package install or the first backup. */
    default void step(String service, String message) {}

    /**
     * A service answers over its own protocol.
     *
     * @param elapsed the time since {@code up} began
     * @param detail what was done, such as {@code started, pid 4242} or {@code already running, pid 4242}
     */
    default void ready(String service, Duration elapsed, String detail) {}
}
