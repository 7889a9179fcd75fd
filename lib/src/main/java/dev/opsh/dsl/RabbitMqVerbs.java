package dev.opsh.dsl;

import dev.opsh.adapters.ServiceSelector;
import dev.opsh.adapters.rabbitmq.ManagementApi;
import dev.opsh.adapters.rabbitmq.QueueInfo;
import dev.opsh.adapters.rabbitmq.QueueListing;
import dev.opsh.inventory.Service;
import java.util.List;

/** RabbitMQ queues from the management API of the inventory's rabbitmq service. */
public interface RabbitMqVerbs extends Verbs {
    @Verb(effect = Effect.READ,
            summary = "the RabbitMQ queues, deepest first: ready, unacked, consumers, rates, state, and whether they are over the inventory's threshold",
            example = "queues().findAll { it.overThreshold }")
    default List<QueueInfo> queues() {
        return queues(null);
    }

    @Verb(effect = Effect.READ,
            summary = "the RabbitMQ queues whose whole name matches a regular expression, deepest first",
            example = "queues('transcode.*')")
    default List<QueueInfo> queues(String pattern) {
        Service service = ServiceSelector.first(context().inventory(), "rabbitmq");
        return new QueueListing(ManagementApi.of(context(), service), service.setting("vhost"), service.thresholds())
                .list(pattern);
    }
}
