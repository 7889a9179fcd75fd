package dev.opsh.cli;

import dev.opsh.dsl.OpsContext;
import dev.opsh.dsl.Provisioner;
import dev.opsh.engine.Evaluator;
import dev.opsh.inventory.Inventory;
import dev.opsh.inventory.InventoryCatalog;
import dev.opsh.inventory.Secrets;
import dev.opsh.lab.Lab;
import dev.opsh.lab.LabProvisioner;
import dev.opsh.render.Screen;
import dev.opsh.render.ValueRenderer;
import dev.opsh.render.WatchView;
import dev.opsh.repl.Session;
import dev.opsh.repl.TerminalEvents;
import java.nio.file.Path;
import java.time.ZoneId;
import org.jline.terminal.Terminal;
import java.util.Map;

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
        return catalog().load(InventoryCatalog.select(options.inventory, env));
    }

    /** @param terminal the interactive terminal, or null for {@code -e} and scripts */
    Session open(Inventory inventory, Screen screen, ShellOptions options, Terminal terminal) {
        TerminalEvents events = new TerminalEvents(screen, terminal, new WatchView(new ValueRenderer(ZoneId.systemDefault())));
        Provisioner provisioner = inventory.lab() ? new LabProvisioner(lab(), events) : Provisioner.NONE;
        OpsContext context = new OpsContext(inventory, new Secrets(env::get), events, provisioner);
        return new Session(inventory, new Evaluator(context), screen, options.output, events);
    }
}
