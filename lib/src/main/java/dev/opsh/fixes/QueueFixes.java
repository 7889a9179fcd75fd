package dev.opsh.fixes;

import dev.opsh.adapters.rabbitmq.QueuePurge;
import dev.opsh.dsl.OpsContext;
import dev.opsh.guard.GuardTarget;
import dev.opsh.guard.GuardedAction;

/** The RabbitMQ runbook's last resort: purging a queue, with the messages it loses in the preview. */
public final class QueueFixes {
    private final OpsContext context;

    private QueueFixes(OpsContext context) {
        this.context = context;
    }

    public static QueueFixes of(OpsContext context) {
        return new QueueFixes(context);
    }

    /**
     * What one purge did.
     *
     * @param previewed the ready messages the management API counted for the preview
     * @param purged the messages the broker removed, as {@code queue.purge} reported
     */
    public record Purged(String vhost, String queue, long previewed, long purged) {
    }

    public Purged purge(String queue) {
        QueuePurge purge = QueuePurge.of(context);
        long ready = purge.ready(queue);
        context.guard().authorize(GuardedAction.of("purge").subject(queue)
                .target(GuardTarget.service(purge.amqp()))
                .command("AMQP queue.purge '" + queue + "' on vhost '" + purge.vhost() + "' (as rabbitmqctl purge_queue " + queue + ")")
                .messagesLost(ready)
                .build());
        return new Purged(purge.vhost(), queue, ready, purge.purge(queue));
    }
}
