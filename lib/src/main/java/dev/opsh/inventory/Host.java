package dev.opsh.inventory;

/**
 * A machine reached over SSH.
 *
 * @param keyFile the private key to log in with, or null to use the SSH agent
 * @param local true when the host is this machine, so local sockets may be read directly
 */
public record Host(String name, String address, String user, int port, String keyFile, boolean local) {
    @Override
    public String toString() {
        return user + "@" + address + (port == 22 ? "" : ":" + port);
    }
}
