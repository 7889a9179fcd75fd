package dev.opsh.lab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs PostgreSQL's programs as the {@code postgres} account when opsh runs as root (PostgreSQL
 * refuses root), exactly as labctl does; otherwise as the current user.
 */
final class PostgresAccount {
    static final boolean ROOT = "root".equals(System.getProperty("user.name"));
    private static final List<String> SETPRIV = List.of("setpriv", "--reuid=postgres", "--regid=postgres", "--init-groups",
            "--inh-caps=+dac_read_search", "--ambient-caps=+dac_read_search", "--");

    private PostgresAccount() {}

    static List<String> command(String... command) {
        List<String> result = new ArrayList<>(ROOT ? SETPRIV : List.of());
        result.addAll(List.of(command));
        return result;
    }

    /** Creates the directory (and its parents) and hands it to the postgres account. */
    static void ownedDirectory(Path dir) throws IOException {
        Files.createDirectories(dir);
        own(dir);
    }

    static void own(Path path) throws IOException {
        if (!ROOT) {
            return;
        }
        UserPrincipalLookupService lookup = path.getFileSystem().getUserPrincipalLookupService();
        PosixFileAttributeView view = Files.getFileAttributeView(path, PosixFileAttributeView.class);
        view.setOwner(lookup.lookupPrincipalByName("postgres"));
        GroupPrincipal group = lookup.lookupPrincipalByGroupName("postgres");
        view.setGroup(group);
    }
}
