package dev.opsh.chaos;

import dev.opsh.inventory.ServiceCommands;

/** The four things chaos does to a node, each with the inventory command it runs. */
enum ChaosAction {
    KILL, STOP, START, RESTORE;

    /** The verb's name, as the operator typed it. */
    String verb() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    boolean takesDown() {
        return this == KILL || this == STOP;
    }

    /** The command from the inventory; restore runs the start command. Null when the inventory gives none. */
    String command(ServiceCommands commands) {
        if (commands == null) {
            return null;
        }
        return switch (this) {
            case KILL -> commands.kill();
            case STOP -> commands.stop();
            case START, RESTORE -> commands.start();
        };
    }
}
