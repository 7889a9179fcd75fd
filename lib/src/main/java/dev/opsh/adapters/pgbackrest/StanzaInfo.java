package dev.opsh.adapters.pgbackrest;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What {@code pgbackrest info} says about one stanza.
 *
 * @param statusCode 0 ok, 1 missing stanza path, 2 no valid backups, 3 missing stanza data, 99 other
 * @param repoMessages each repository's own status message when it is not ok, as {@code repo1: ...}
 * @param backups oldest first, as pgBackRest lists them
 */
public record StanzaInfo(String name, int statusCode, String statusMessage, List<String> repoMessages, List<Backup> backups) {
    public static final int OK = 0;
    public static final int MISSING_STANZA_PATH = 1;
    public static final int NO_VALID_BACKUPS = 2;

    /** The backup that finished last, whether or not it is in error. */
    public Optional<Backup> newest() {
        return backups.stream().max(Comparator.comparing(Backup::stop));
    }

    /** The backup without errors that finished last. */
    public Optional<Backup> newestSuccessful() {
        return backups.stream().filter(b -> !b.error()).max(Comparator.comparing(Backup::stop));
    }
}
