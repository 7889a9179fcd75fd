package dev.opsh.adapters.pgbackrest;

import dev.opsh.ExitCode;
import dev.opsh.OpshException;
import dev.opsh.adapters.CommandResult;
import dev.opsh.adapters.CommandRunner;
import dev.opsh.adapters.LocalCommandRunner;
import dev.opsh.adapters.ssh.SshCommandRunner;
import dev.opsh.dsl.OpsContext;
import dev.opsh.inventory.BackupPolicy;
import dev.opsh.inventory.Deadlines;
import dev.opsh.inventory.Host;
import dev.opsh.inventory.Inventory;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Asks pgBackRest about the inventory's stanza by running {@code <command> info --output=json
 * --stanza=<stanza>} through a {@link CommandRunner}: locally or on the backup host. Every way that
 * can go wrong is an {@link OpshException} saying where and what pgBackRest said.
 */
public final class PgBackRest {
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9._:/=-]+");
    private static final int COMMAND_NOT_FOUND = 127;
    private static final int NOT_EXECUTABLE = 126;

    private final BackupPolicy policy;
    private final Host host;
    private final CommandRunner runner;
    private final Duration timeout;

    /**
     * @param host the backup host, or null when the policy runs pgbackrest locally
     * @param timeout how long the whole command may take
     */
    public PgBackRest(BackupPolicy policy, Host host, CommandRunner runner, Duration timeout) {
        this.policy = policy;
        this.host = host;
        this.runner = runner;
        this.timeout = timeout;
    }

    /**
     * pgBackRest where the session's inventory says, in its {@code backup:} section: on this machine
     * ({@code local: true}) or on the backup host over SSH, bounded by the inventory's connect plus
     * read deadlines. The inventory's postgres service is prepared first (the lab starts here).
     */
    public static PgBackRest of(OpsContext context) {
        Inventory inventory = context.inventory();
        BackupPolicy policy = inventory.backup();
        if (policy == null) {
            throw new OpshException(ExitCode.FAILURE, "inventory '" + inventory.name()
                    + "' has no 'backup:' section naming the pgBackRest stanza and where to run it");
        }
        inventory.services().values().stream().filter(s -> s.type().equals("postgres")).findFirst()
                .ifPresent(context.provisioner()::prepare);
        Deadlines deadlines = inventory.deadlines();
        Duration timeout = deadlines.connect().plus(deadlines.read());
        if (policy.local()) {
            return new PgBackRest(policy, null, new LocalCommandRunner(context.inFlight()), timeout);
        }
        return new PgBackRest(policy, inventory.host(policy.host()), SshCommandRunner.of(context), timeout);
    }

    /** The stanza's policy: its name, where it runs and the freshness it must have. */
    public BackupPolicy policy() {
        return policy;
    }

    /** The exact command line run. */
    public String command() {
        return policy.command() + " info --output=json --stanza=" + quote(policy.stanza());
    }

    /** Where the command runs, for messages: {@code pgbackrest info on db1}. */
    public String source() {
        return "pgbackrest info on " + (host == null ? "localhost" : host.name());
    }

    /** The stanza's backups, oldest first; an error when the stanza is missing, unhealthy or has none. */
    public List<Backup> backups() {
        return info().backups();
    }

    /** The stanza as pgBackRest reports it, checked: status ok and at least one backup. */
    public StanzaInfo info() {
        CommandResult result = runner.run(host, command(), timeout);
        if (result.exit() == COMMAND_NOT_FOUND || result.exit() == NOT_EXECUTABLE) {
            throw new OpshException(ExitCode.FAILURE, "pgbackrest is not installed or not executable on "
                    + result.host() + ": '" + command() + "' exited " + result.exit() + " (" + said(result) + ")");
        }
        if (result.exit() != 0) {
            throw new OpshException(ExitCode.FAILURE, source() + " failed with exit " + result.exit() + ": " + said(result));
        }
        StanzaInfo info = PgBackRestInfoParser.parse(result.stdout(), policy.stanza(), source());
        String stanza = "stanza '" + info.name() + "'";
        if (info.statusCode() == StanzaInfo.MISSING_STANZA_PATH) {
            throw new OpshException(ExitCode.FAILURE, stanza + " does not exist in the repository (" + source()
                    + ": status 1, " + info.statusMessage() + ")");
        }
        if (info.statusCode() == StanzaInfo.NO_VALID_BACKUPS || info.statusCode() == StanzaInfo.OK && info.backups().isEmpty()) {
            throw new OpshException(ExitCode.FAILURE, stanza + " has no backup at all (" + source() + ": status "
                    + info.statusCode() + ", " + info.statusMessage() + ")");
        }
        if (info.statusCode() != StanzaInfo.OK) {
            String repos = info.repoMessages().isEmpty() ? "" : "; " + String.join("; ", info.repoMessages());
            throw new OpshException(ExitCode.FAILURE, stanza + " is not healthy: " + source() + " reports status "
                    + info.statusCode() + " (" + info.statusMessage() + repos + ")");
        }
        return info;
    }

    /** What the command said about its failure: its ERROR lines, else its last line of output. */
    private static String said(CommandResult result) {
        String text = result.stderr().isBlank() ? result.stdout() : result.stderr();
        List<String> errors = text.lines().filter(l -> l.startsWith("ERROR")).toList();
        if (!errors.isEmpty()) {
            return String.join(" ", errors);
        }
        List<String> lines = text.lines().filter(l -> !l.isBlank()).toList();
        return lines.isEmpty() ? "no output" : lines.get(lines.size() - 1).strip();
    }

    private static String quote(String word) {
        return PLAIN.matcher(word).matches() ? word : "'" + word.replace("'", "'\\''") + "'";
    }
}
