package dev.opsh.guard;

import dev.opsh.dsl.SessionEvents;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Session events for tests: keeps the notices, guard records and remote commands, in order. */
public final class RecordingEvents implements SessionEvents {
    public final List<String> notices = new CopyOnWriteArrayList<>();
    public final List<GuardRecord> guards = new CopyOnWriteArrayList<>();
    public final List<String> remote = new CopyOnWriteArrayList<>();

    @Override
    public void notice(String message) {
        notices.add(message);
    }

    @Override
    public void remote(String host, String command, int exit, Duration duration) {
        remote.add(host + ": " + command + " -> " + exit);
    }

    @Override
    public void guard(GuardRecord record) {
        guards.add(record);
    }

    public GuardRecord lastGuard() {
        return guards.get(guards.size() - 1);
    }
}
