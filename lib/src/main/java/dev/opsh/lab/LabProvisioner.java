package dev.opsh.lab;

import dev.opsh.dsl.Provisioner;
import dev.opsh.dsl.SessionEvents;
import dev.opsh.inventory.Service;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Starts the lab lazily for an inventory with {@code lab: true}: the first verb that needs a lab
 * service brings the whole lab up when none of it runs (a fresh machine, after {@code opsh lab down}
 * or a reboot), reporting progress through {@link SessionEvents#notice}. A service that a drill
 * killed is left down, as on a real fleet: {@code opsh lab up} or the {@code restore} verb brings it
 * back. Services outside the lab (by type) need nothing.
 */
public final class LabProvisioner implements Provisioner {
    private final Lab lab;
    private final SessionEvents events;
    private final Set<String> prepared = ConcurrentHashMap.newKeySet();

    public LabProvisioner(Lab lab, SessionEvents events) {
        this.lab = lab;
        this.events = events;
    }

    @Override
    public void prepare(Service service) {
        String type = service.type().toLowerCase(Locale.ROOT);
        if (!Lab.SERVICES.contains(type) || prepared.contains(type)) {
            return;
        }
        synchronized (this) {
            if (prepared.contains(type)) {
                return;
            }
            List<LabServiceStatus> status = lab.status();
            Set<String> start = new LinkedHashSet<>();
            if (status.stream().noneMatch(LabServiceStatus::up)) {
                events.notice("lab: starting the local lab in " + lab.dir() + " (first use; 'opsh lab down' stops it)");
            } else {
                for (String needed : List.of(type, "sshd")) {
                    if (status.stream().anyMatch(s -> s.service().equals(needed) && s.pid() == 0)) {
                        start.add(needed);
                    }
                }
                if (start.isEmpty()) {
                    prepared.add(type);
                    return;
                }
                events.notice("lab: starting " + String.join(", ", start));
            }
            lab.up(start, new LabListener() {
                @Override
                public void step(String labService, String message) {
                    events.notice("lab: " + labService + ": " + message);
                }

                @Override
                public void ready(String labService, Duration elapsed, String detail) {
                    events.notice(String.format(Locale.ROOT, "lab: %-8s ready  %5.1f s  %s", labService,
                            elapsed.toMillis() / 1000.0, detail));
                }
            });
            prepared.add(type);
        }
    }
}
