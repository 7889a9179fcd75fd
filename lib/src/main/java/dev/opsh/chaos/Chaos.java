package dev.opsh.chaos;

import dev.opsh.ExitCode;
import dev.opsh.OpshException;
import dev.opsh.UnknownNameException;
import dev.opsh.adapters.ServiceHealth;
import dev.opsh.adapters.health.HealthChecks;
import dev.opsh.adapters.ssh.SshCommandRunner;
import dev.opsh.dsl.OpsContext;
import dev.opsh.guard.GuardedAction;
import dev.opsh.inventory.Inventory;
import dev.opsh.inventory.Service;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The game-day scenarios behind the chaos verbs: each resolves its node, probes the steady state,
 * passes the guard (one confirmation per verb call, naming every node it will touch), then runs
 * through {@link ChaosRunner}. A service on several hosts needs its node named: on a protected
 * inventory a missing node is refused; elsewhere the operator is asked which one.
 */
public final class Chaos {
    private final OpsContext context;
    private final ChaosRunner runner;

    Chaos(OpsContext context, ChaosRunner runner) {
        this.context = context;
        this.runner = runner;
    }

    /** Chaos over the session's SSH connections, probed with the standard health checks. */
    public static Chaos of(OpsContext context) {
        return new Chaos(context, new ChaosRunner(context, SshCommandRunner.of(context), HealthChecks.standard()));
    }

    /** {@code kill(service[, node])}: the inventory's kill command, then waits until the node is seen down. */
    public ChaosResult kill(String service, String node) {
        return takeDown(ChaosAction.KILL, service, node);
    }

    /** {@code stop(service[, node])}: the inventory's stop command, then waits until the node is seen down. */
    public ChaosResult stop(String service, String node) {
        return takeDown(ChaosAction.STOP, service, node);
    }

    /** {@code start(service[, node])}: the inventory's start command, then waits until the node is healthy. */
    public ChaosResult start(String service, String node) {
        ChaosTarget target = resolve(ChaosAction.START, service, node);
        ServiceHealth before = runner.probe(target);
        authorize("start", List.of(target), ChaosAction.START, true);
        return runner.bringUp(ChaosAction.START, target, before);
    }

    /**
     * {@code restore(service)}: starts the nodes of {@code service} this session took down, or, when
     * it took none down, the nodes a probe finds down. Nothing to do is an empty list.
     */
    public List<ChaosResult> restore(String serviceName) {
        Service service = context.inventory().service(serviceName);
        List<ChaosTarget> targets = new ArrayList<>();
        for (ChaosLedger.Down down : context.chaosLedger().stillDown()) {
            if (down.service().equals(service.name())) {
                targets.add(new ChaosTarget(service, context.inventory().host(down.node())));
            }
        }
        if (targets.isEmpty()) {
            for (String node : service.hosts()) {
                ChaosTarget target = new ChaosTarget(service, context.inventory().host(node));
                if (!runner.probe(target).up()) {
                    targets.add(target);
                }
            }
        }
        if (targets.isEmpty()) {
            context.events().notice("restore: " + service.name() + " is healthy on " + String.join(", ", service.hosts())
                    + " and this session took none of it down; nothing to do");
            return List.of();
        }
        return bringBack("restore", targets);
    }

    /** {@code restoreAll()}: brings back everything this session took down, most recent first. */
    public List<ChaosResult> restoreAll() {
        Inventory inventory = context.inventory();
        List<ChaosTarget> targets = new ArrayList<>();
        for (ChaosLedger.Down down : context.chaosLedger().stillDown()) {
            targets.add(new ChaosTarget(inventory.service(down.service()), inventory.host(down.node())));
        }
        if (targets.isEmpty()) {
            context.events().notice("restoreAll: this session has nothing down; nothing to do");
            return List.of();
        }
        return bringBack("restoreAll", targets);
    }

    /** {@code gameDay()}: what this session hit, when, for how long, and how long each took to recover. */
    public List<GameDayHit> gameDay() {
        return context.chaosLedger().summary(Instant.now());
    }

    private ChaosResult takeDown(ChaosAction action, String service, String node) {
        ChaosTarget target = resolve(action, service, node);
        ServiceHealth before = runner.probe(target);
        if (!before.up()) {
            throw new OpshException(ExitCode.FAILURE, target + " is already " + before.status() + " before the "
                    + action.verb() + " (" + before.error() + "); nothing was done. start('" + service + "') brings it back");
        }
        authorize(action.verb(), List.of(target), action, false);
        return runner.takeDown(action, target, before);
    }

    private List<ChaosResult> bringBack(String verb, List<ChaosTarget> targets) {
        authorize(verb, targets, ChaosAction.RESTORE, true);
        List<ChaosResult> results = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (ChaosTarget target : targets) {
            try {
                results.add(runner.bringUp(ChaosAction.RESTORE, target, runner.probe(target)));
            } catch (ChaosRunner.ChaosInterrupted e) {
                throw e;
            } catch (OpshException e) {
                failures.add(e.getMessage());
            }
        }
        if (!failures.isEmpty()) {
            throw new OpshException(ExitCode.FAILURE, verb + " brought back " + results.size() + " of " + targets.size()
                    + ": " + String.join("; ", failures));
        }
        return results;
    }

    private void authorize(String verb, List<ChaosTarget> targets, ChaosAction action, boolean restoring) {
        GuardedAction.Builder guarded = GuardedAction.of(verb);
        List<String> commands = new ArrayList<>();
        Set<String> services = new LinkedHashSet<>();
        for (ChaosTarget target : targets) {
            guarded.target(target.guardTarget());
            commands.add("on " + target.node().name() + ": " + target.command(action));
            if (services.add(target.service().name())) {
                guarded.impact(target.service().name(), target.service().impact());
            }
        }
        guarded.command(String.join("; ", commands)).subject(String.join(" ", services));
        if (restoring) {
            guarded.restoring();
        }
        context.guard().authorize(guarded.build());
    }

    private ChaosTarget resolve(ChaosAction action, String serviceName, String node) {
        Inventory inventory = context.inventory();
        Service service = inventory.service(serviceName);
        List<String> nodes = service.hosts();
        if (node != null) {
            if (!nodes.contains(node)) {
                throw new UnknownNameException("node of service '" + service.name() + "'", node, nodes);
            }
            return new ChaosTarget(service, inventory.host(node));
        }
        if (nodes.size() == 1) {
            return new ChaosTarget(service, inventory.host(nodes.get(0)));
        }
        String usage = action.verb() + "('" + service.name() + "', '" + nodes.get(0) + "')";
        String which = service.name() + " runs on " + nodes.size() + " nodes (" + String.join(", ", nodes) + ")";
        String preview = "inventory " + inventory.name() + " (environment " + inventory.environment() + "): "
                + action.verb() + " " + which + ", no node named";
        if (inventory.isProtected() || context.operator().skipsMutations()) {
            throw context.guard().refuse(action.verb(), preview, which + "; on protected inventory '" + inventory.name()
                    + "' name the node to hit, as in " + usage);
        }
        String answer = context.operator().prompt().readLine(which + ". Which node? ");
        if (answer == null || !nodes.contains(answer.strip())) {
            throw context.guard().refuse(action.verb(), preview, which + " and no node was chosen"
                    + (answer == null ? "" : " ('" + answer.strip() + "' is not one of them)") + "; name it, as in " + usage);
        }
        return new ChaosTarget(service, inventory.host(answer.strip()));
    }
}
