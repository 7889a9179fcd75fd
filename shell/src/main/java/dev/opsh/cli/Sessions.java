package dev.opsh.cli;

import dev.opsh.ExitCode;
import dev.opsh.OpshException;
import dev.opsh.dsl.OpsContext;
import dev.opsh.dsl.Provisioner;
import dev.opsh.engine.CompiledInputStore;
import dev.opsh.engine.Evaluator;
import dev.opsh.engine.ScriptCompiler;
import dev.opsh.guard.Operator;
import dev.opsh.inventory.Inventory;
import dev.opsh.inventory.InventoryCatalog;
import dev.opsh.inventory.Secrets;
import dev.opsh.lab.Lab;
import dev.opsh.lab.LabProvisioner;
import dev.opsh.render.Screen;
import dev.opsh.render.ValueRenderer;
import dev.opsh.render.WatchView;
import dev.opsh.repl.Recorder;
import dev.opsh.repl.Session;
import dev.opsh.transcript.Redactor;
import dev.opsh.transcript.SessionInfo;
import dev.opsh.transcript.TranscriptLocation;
import dev.opsh.transcript.TranscriptWriter;
import java.time.Clock;
import dev.opsh.repl.TerminalEvents;
import java.nio.file.Path;
import org.jline.terminal.Terminal;
import java.util.Map;
import java.util.TimeZone;

/** Opens a session: picks and loads the inventory, and builds the engine over it. */
final class Sessions {
    private final OpshHome home;
    private final Map<String, String> env;

    Sessions(OpshHome home, Map<String, String> env) {
        this.home = home;
        this.env = env;
    }

    InventoryCatalog catalog() {
        return new InventoryCatalog(home.inventories(env), lab().placeholders());
    }

    /** The local lab that {@code ${lab:...}} in the lab inventories refers to; using it starts nothing. */
    Lab lab() {
        return Lab.at(Lab.defaultDir(env::get, Path.of(System.getProperty("user.home"))));
    }

    Inventory inventory(ShellOptions options) {
        return inventory(options.inventory);
    }

    /** @param option the {@code -i} option's value, or null */
    Inventory inventory(String option) {
        return catalog().load(InventoryCatalog.select(option, env));
    }

    /**
     * Opens a session and its transcript; everything the screen shows from here on is recorded.
     *
     * @param terminal the interactive terminal, or null for {@code -e} and scripts
     */
    Session open(Inventory inventory, Screen screen, ShellOptions options, Terminal terminal) {
        return open(inventory, screen, options, terminal, false);
    }

    /** @param skipMutations a rerun: the guard skips every MUTATE and CHAOS step before it runs */
    Session open(Inventory inventory, Screen screen, ShellOptions options, Terminal terminal, boolean skipMutations) {
        return open(inventory, screen, options, terminal, new ScriptCompiler(CompiledInputStore.NONE), skipMutations);
    }

    /**
     * @param compiler the session's compiler ({@link #compiling}), which may already be compiling its first input
     * @param skipMutations a rerun: the guard skips every MUTATE and CHAOS step before it runs
     */
    Session open(Inventory inventory, Screen screen, ShellOptions options, Terminal terminal, ScriptCompiler compiler,
            boolean skipMutations) {
        Secrets secrets = new Secrets(env::get);
        Redactor redactor = Redactor.of(secrets);
        Recorder recorder = recorder(inventory, options, redactor, terminal);
        // The store of compiled inputs keeps what the transcript would keep as typed, and nothing it masks.
        compiler.keepWhen(source -> redactor.redact(source).equals(source));
        screen.tap(recorder::output);
        TerminalEvents events = new TerminalEvents(screen, terminal, new WatchView(new ValueRenderer(TimeZone.getDefault())), recorder);
        Provisioner provisioner = inventory.lab() ? new LabProvisioner(lab(), events) : Provisioner.NONE;
        Operator operator = new Operator(env, new TtyConfirmationPrompt(TtyConfirmationPrompt.CONTROLLING_TERMINAL,
                screen::warning, terminal));
        OpsContext context = new OpsContext(inventory, secrets, events, provisioner,
                skipMutations ? operator.skippingMutations() : operator);
        return new Session(inventory, new Evaluator(context, compiler), screen, options.output, events, recorder);
    }

    /**
     * The compiler of a session of one input ({@code -e}, {@code run}), already compiling it on a
     * thread of its own while the session around it opens: from the store of compiled inputs when an
     * earlier run left its classes there ({@link CompiledInputStore}), else with Groovy. Compiling
     * runs none of the operator's code (see {@link ScriptCompiler#compile}), so it may come before
     * the input is recorded, which still comes before it runs. A source that does not compile is
     * compiled again by the evaluation, which reports it.
     */
    ScriptCompiler compiling(String source) {
        ScriptCompiler compiler = new ScriptCompiler(CompiledInputStore.at(home.state().resolve("compiled")));
        Startup.inBackground("opsh-groovy", () -> {
            try {
                if (!compiler.isStored(source)) {
                    // A first compile has two slow starts that need not wait for each other: Groovy's
                    // runtime, made here by compile(), and the compiler's own parts, on another thread.
                    Startup.inBackground("opsh-parser", ScriptCompiler::loadCompilerParts);
                }
                compiler.compile(source);
            } catch (Throwable reportedByTheEvaluation) {
                // The evaluation meets the same failure on the main thread, where the catch point shows it.
            }
        });
        return compiler;
    }

    private Recorder recorder(Inventory inventory, ShellOptions options, Redactor redactor, Terminal terminal) {
        if (options.noTranscript) {
            if (inventory.isProtected()) {
                throw new OpshException(ExitCode.USAGE, "--no-transcript is refused on the protected inventory '"
                        + inventory.name() + "': every session that can touch " + inventory.environment() + " is recorded");
            }
            return Recorder.NONE;
        }
        SessionInfo info = new SessionInfo(inventory.name(), inventory.environment(), inventory.isProtected(),
                SessionInfo.localUser(), SessionInfo.localHost(), Main.version(),
                terminal == null ? 0 : terminal.getWidth(), terminal == null ? 0 : terminal.getHeight());
        return new Recorder(TranscriptWriter.create(TranscriptLocation.directory(env::get, System.getProperty("user.home")),
                info, redactor, Clock.systemUTC()));
    }
}
