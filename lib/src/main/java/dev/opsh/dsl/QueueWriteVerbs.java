package dev.opsh.dsl;

import dev.opsh.fixes.QueueFixes;

/** The RabbitMQ runbook's last resort, through the guard. */
public interface QueueWriteVerbs extends Verbs {
    @Verb(effect = Effect.MUTATE,
            summary = "purges a RabbitMQ queue: its ready messages are lost; the preview shows how many",
            example = "purge('transcode_jobs')")
    default QueueFixes.Purged purge(String queue) {
        return QueueFixes.of(context()).purge(queue);
    }
}
