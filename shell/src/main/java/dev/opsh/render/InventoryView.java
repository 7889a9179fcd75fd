package dev.opsh.render;

import dev.opsh.inventory.Host;
import dev.opsh.inventory.Inventory;
import dev.opsh.inventory.Service;
import java.util.List;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

/** The inventory as an operator reads it: a title in the environment's colour, then hosts and services. */
final class InventoryView {
    private final ValueRenderer renderer;

    InventoryView(ValueRenderer renderer) {
        this.renderer = renderer;
    }

    AttributedString render(Inventory inventory) {
        AttributedStringBuilder out = new AttributedStringBuilder();
        out.styled(PromptStyle.of(inventory.environment(), inventory.isProtected()), " " + inventory.name() + " ")
                .append("  environment ").styled(AttributedStyle.BOLD, inventory.environment())
                .append(inventory.isProtected() ? ", protected (prod rules)" : ", unprotected")
                .append("  ").styled(AttributedStyle.DEFAULT.faint(), String.valueOf(inventory.source()));
        Table hosts = new Table(List.of("host", "address", "user", "port", "groups"));
        for (Host h : inventory.hosts().values()) {
            hosts.add(List.of(cell(h.name()), cell(h.address()), cell(h.user()), renderer.cell(h.port(), false),
                    cell(String.join(", ", inventory.groupsOf(h.name())))));
        }
        Table services = new Table(List.of("service", "type", "hosts", "port", "unit"));
        for (Service s : inventory.services().values()) {
            services.add(List.of(cell(s.name()), cell(s.type()), cell(String.join(", ", s.hosts())),
                    renderer.cell(s.port() == 0 ? null : s.port(), false), renderer.cell(s.unit(), false)));
        }
        out.append("\n\n").append(hosts.render()).append("\n\n").append(services.render());
        return out.toAttributedString();
    }

    private Table.Cell cell(String text) {
        return renderer.cell(text, false);
    }
}
