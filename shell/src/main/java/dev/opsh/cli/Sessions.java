package dev.opsh.cli;

import dev.opsh.dsl.OpsContext;
import dev.opsh.dsl.Provisioner;
import dev.opsh.dsl.SessionEvents;
import dev.opsh.engine.Evaluator;
import dev.opsh.inventory.Inventory;
import dev.opsh.inventory.InventoryCatalog;
import dev.opsh.inventory.Placeholders;
import dev.opsh.inventory.Secrets;
import dev.opsh.render.Screen;
import dev.opsh.repl.Session;
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
        return new InventoryCatalog(home.inventories(env), Placeholders.NONE);
    }

    Inventory inventory(ShellOptions options) {
        return catalog().load(InventoryCatalog.select(options.inventory, env));
    }

    Session open(Inventory inventory, Screen screen, ShellOptions options, SessionEvents events) {
        OpsContext context = new OpsContext(inventory, new Secrets(env::get), events, Provisioner.NONE);
        return new Session(inventory, new Evaluator(context), screen, options.output);
    }
}
