package dev.opsh.repl;

import dev.opsh.ExitCode;
import dev.opsh.OpshException;
import dev.opsh.UnknownNameException;
import dev.opsh.engine.VerbCatalog;
import dev.opsh.engine.VerbCatalog.VerbInfo;
import dev.opsh.render.Screen;
import dev.opsh.render.Table;
import dev.opsh.repl.ReplCommand.Outcome;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jline.reader.History;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

/**
 * The table of {@code /commands}, in the JShell style: unambiguous prefixes work, and an unknown
 * command gets a did-you-mean.
 */
final class ReplCommands {
    private final Session session;
    private final Screen screen;
    private final Supplier<History> history;
    private final List<ReplCommand> table = new ArrayList<>();

    ReplCommands(Session session, Supplier<History> history) {
        this.session = session;
        this.screen = session.screen();
        this.history = history;
        table.add(new ReplCommand("/help", "[verb]", "list the verbs and commands, or explain one verb", this::help));
        table.add(new ReplCommand("/inventory", "", "show this session's inventory", a -> show(session.inventory())));
        table.add(new ReplCommand("/vars", "", "list the session's variables with their types and values", a -> vars()));
        table.add(new ReplCommand("/history", "", "list the inputs typed so far (Ctrl-R searches them)", a -> history()));
        table.add(new ReplCommand("/save", "FILE", "write this session's successful inputs as a runnable Groovy script", this::save));
        table.add(new ReplCommand("/load", "FILE", "evaluate a Groovy script in this session", this::load));
        table.add(new ReplCommand("/trace", "", "show the stack trace of the last error", a -> trace()));
        table.add(new ReplCommand("/mark", "TEXT", "put a marker in the transcript (replay can jump to it)", this::mark));
        table.add(new ReplCommand("/reset", "", "forget every variable, method, class and import", a -> reset()));
        table.add(new ReplCommand("/exit", "", "leave opsh (Ctrl-D does too)", a -> Outcome.EXIT));
    }

    List<ReplCommand> all() {
        return List.copyOf(table);
    }

    /** Runs one {@code /command} line. */
    Outcome run(String line) throws Exception {
        String trimmed = line.strip();
        int space = trimmed.indexOf(' ');
        String name = space < 0 ? trimmed : trimmed.substring(0, space);
        String args = space < 0 ? "" : trimmed.substring(space + 1).strip();
        return resolve(name).action().run(args);
    }

    ReplCommand resolve(String name) {
        List<ReplCommand> matches = new ArrayList<>();
        for (ReplCommand c : table) {
            if (c.name().equals(name)) {
                return c;
            }
            if (c.name().startsWith(name)) {
                matches.add(c);
            }
        }
        if (matches.size() == 1) {
            return matches.get(0);
        }
        if (matches.size() > 1) {
            throw new OpshException(ExitCode.USAGE, "'" + name + "' is ambiguous: "
                    + String.join(", ", matches.stream().map(ReplCommand::name).toList()));
        }
        throw new UnknownNameException(ExitCode.USAGE, "command", name, table.stream().map(ReplCommand::name).toList());
    }

    private Outcome help(String verb) {
        if (!verb.isEmpty()) {
            return helpVerb(verb.replaceFirst("\\(\\)?$", ""));
        }
        AttributedStringBuilder out = new AttributedStringBuilder();
        out.styled(AttributedStyle.BOLD, "Verbs").append("  (type one and press Tab for its arguments; /help VERB for an example)\n");
        Table verbs = new Table(List.of("verb", "effect", "what it does"));
        for (VerbInfo v : VerbCatalog.all()) {
            verbs.add(List.of(cell(v.signature()), cell(v.effect().name()), cell(v.summary())));
        }
        out.append(verbs.render()).append("\n\n").styled(AttributedStyle.BOLD, "Commands").append('\n');
        Table commands = new Table(List.of("command", "what it does"));
        for (ReplCommand c : table) {
            commands.add(List.of(cell(c.name() + (c.args().isEmpty() ? "" : " " + c.args())), cell(c.summary())));
        }
        out.append(commands.render()).append("\n\nCtrl-C stops a running evaluation and keeps the session; Ctrl-D leaves.");
        screen.println(out.toAttributedString());
        return Outcome.CONTINUE;
    }

    private Outcome helpVerb(String name) {
        List<VerbInfo> overloads = VerbCatalog.named(name);
        if (overloads.isEmpty()) {
            throw new UnknownNameException(ExitCode.USAGE, "verb", name, VerbCatalog.names());
        }
        AttributedStringBuilder out = new AttributedStringBuilder();
        for (VerbInfo v : overloads) {
            out.styled(AttributedStyle.BOLD, v.signature()).append("  → ").append(v.method().getReturnType().getSimpleName())
                    .append("  [").append(v.effect().name()).append("]\n");
        }
        VerbInfo first = overloads.get(0);
        out.append("  ").append(first.summary()).append("\n  example: ").styled(AttributedStyle.BOLD, first.example());
        screen.println(out.toAttributedString());
        return Outcome.CONTINUE;
    }

    private Outcome show(Object value) {
        session.show(value);
        return Outcome.CONTINUE;
    }

    private Outcome vars() {
        Map<String, Object> vars = session.evaluator().variables();
        if (vars.isEmpty() && session.evaluator().methods().isEmpty()) {
            screen.println("(no variables yet: 'def q = queues()' keeps a result)");
            return Outcome.CONTINUE;
        }
        Table table = new Table(List.of("name", "type", "value"));
        vars.forEach((name, value) -> table.add(List.of(cell(name),
                cell(value == null ? "null" : value.getClass().getSimpleName()),
                cell(session.values().scalar(value, true)))));
        session.evaluator().methods().forEach(m -> table.add(List.of(cell(m + "()"), cell("method"), cell(""))));
        screen.println(table.render());
        return Outcome.CONTINUE;
    }

    private Outcome history() {
        int n = 0;
        for (History.Entry e : history.get()) {
            screen.println(String.format("%5d  %s", ++n, e.line()));
        }
        return Outcome.CONTINUE;
    }

    private Outcome save(String file) throws IOException {
        if (file.isEmpty()) {
            throw new OpshException(ExitCode.USAGE, "/save needs a file name: /save FILE");
        }
        Path path = Path.of(file);
        StringBuilder script = new StringBuilder()
                .append("// Saved by opsh from a session on inventory '").append(session.inventory().name())
                .append("' (").append(session.inventory().environment()).append(") at ").append(Instant.now()).append('\n')
                .append("// Transcript: ").append(session.recorder().file() == null ? "none (--no-transcript)" : session.recorder().file()).append('\n')
                .append("// Run it with: opsh run ").append(path).append(" -i ").append(session.inventory().name()).append("\n\n");
        for (String input : session.successfulInputs()) {
            script.append(input).append('\n');
        }
        Files.writeString(path, script);
        screen.println("saved " + session.successfulInputs().size() + " inputs to " + path.toAbsolutePath());
        return Outcome.CONTINUE;
    }

    private Outcome load(String file) throws IOException {
        if (file.isEmpty()) {
            throw new OpshException(ExitCode.USAGE, "/load needs a file name: /load FILE");
        }
        Path path = Path.of(file);
        if (!Files.isRegularFile(path)) {
            throw new OpshException(ExitCode.USAGE, "/load: no such file " + path.toAbsolutePath());
        }
        session.evaluate("/load " + path, Files.readString(path));
        return Outcome.CONTINUE;
    }

    private Outcome trace() {
        Throwable last = session.lastFailure();
        if (last == null) {
            screen.println("(no error yet)");
            return Outcome.CONTINUE;
        }
        StringWriter text = new StringWriter();
        last.printStackTrace(new PrintWriter(text));
        screen.println(new AttributedString(text.toString().stripTrailing(), AttributedStyle.DEFAULT.faint()));
        return Outcome.CONTINUE;
    }

    private Outcome mark(String text) {
        if (text.isEmpty()) {
            throw new OpshException(ExitCode.USAGE, "/mark needs a text: /mark TEXT");
        }
        session.recorder().marker(text);
        screen.println(new AttributedString("marker: " + text, AttributedStyle.DEFAULT.faint()));
        return Outcome.CONTINUE;
    }

    private Outcome reset() {
        session.reset();
        screen.println("reset: the session's variables, methods, classes and imports are gone");
        return Outcome.CONTINUE;
    }

    private Table.Cell cell(String text) {
        return new Table.Cell(text, AttributedStyle.DEFAULT, false);
    }
}
