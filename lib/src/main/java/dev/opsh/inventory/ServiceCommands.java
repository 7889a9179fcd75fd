package dev.opsh.inventory;

/** The shell commands that kill, stop and start one service on its host. */
public record ServiceCommands(String kill, String stop, String start) {
    /** The systemd defaults for a unit. */
    public static ServiceCommands systemd(String unit) {
        return new ServiceCommands("systemctl kill -s KILL " + unit, "systemctl stop " + unit, "systemctl start " + unit);
    }
}
