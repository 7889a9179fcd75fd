package dev.opsh.adapters.ssh;

import dev.opsh.adapters.CommandResult;
import java.util.AbstractList;
import java.util.List;

/**
 * The results of one command fanned out to several hosts, one per host in target order. It is a
 * list, so it renders as a table and works with Groovy's list methods; {@code succeeded} and
 * {@code failed} split it by exit code (a host that could not run the command has exit -1).
 */
public final class FanOutResult extends AbstractList<CommandResult> {
    private final List<CommandResult> results;

    public FanOutResult(List<CommandResult> results) {
        this.results = List.copyOf(results);
    }

    @Override
    public CommandResult get(int index) {
        return results.get(index);
    }

    @Override
    public int size() {
        return results.size();
    }

    /** The hosts where the command ran and exited 0. */
    public FanOutResult getSucceeded() {
        return new FanOutResult(results.stream().filter(CommandResult::succeeded).toList());
    }

    /** The hosts where the command exited non-zero, or could not run at all. */
    public FanOutResult getFailed() {
        return new FanOutResult(results.stream().filter(r -> !r.succeeded()).toList());
    }
}
