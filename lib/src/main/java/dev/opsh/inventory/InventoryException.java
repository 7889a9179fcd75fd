package dev.opsh.inventory;

import dev.opsh.ExitCode;
import dev.opsh.OpshException;

/** A malformed inventory: the message starts with file:line:column and says what was expected. */
public class InventoryException extends OpshException {
    private final Location location;

    public InventoryException(Location location, String message) {
        super(ExitCode.USAGE, location + ": " + message);
        this.location = location;
    }

    public Location location() {
        return location;
    }
}
