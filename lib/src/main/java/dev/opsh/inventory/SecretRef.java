package dev.opsh.inventory;

/**
 * A reference to a credential, {@code env:NAME} or {@code file:PATH}; never the credential itself.
 * {@link Secrets#resolve} turns it into the value.
 */
public record SecretRef(String reference, Location location) {
    @Override
    public String toString() {
        return reference;
    }
}
