package dev.opsh.adapters;

import dev.opsh.dsl.SessionEvents;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps the events a verb reported, as the shell and the transcript would receive them. */
public final class RecordingEvents implements SessionEvents {
    public final List<String> remote = new CopyOnWriteArrayList<>();
    public final List<String> progress = new CopyOnWriteArrayList<>();

    @Override
    public void progress(String label, int done, int total) {
        progress.add(label + " " + done + "/" + total);
    }

    @Override
    public void remote(String host, String command, int exit, Duration duration) {
        remote.add(host + " '" + command + "' " + exit);
    }
}
