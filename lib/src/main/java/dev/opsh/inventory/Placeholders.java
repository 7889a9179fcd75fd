package dev.opsh.inventory;

/**
 * Values for {@code ${namespace:key}} placeholders in inventory files, such as {@code ${lab:redis.port}},
 * which the lab fills with the ports and paths it generated.
 */
@FunctionalInterface
public interface Placeholders {
    Placeholders NONE = (namespace, key) -> null;

    /** The value, or null when this source does not know the key. */
    String lookup(String namespace, String key);
}
