package dev.opsh.inventory;

import java.nio.file.Path;

/** A place in an inventory file, 1-based, printed as {@code file:line:column}. */
public record Location(Path file, int line, int column) {
    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
