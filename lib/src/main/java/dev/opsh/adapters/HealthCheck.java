package dev.opsh.adapters;

import dev.opsh.dsl.OpsContext;
import dev.opsh.inventory.Service;

/**
 * Probes one service over its own protocol (SQL, RESP, AMQP, SSH, HAProxy stats) within the
 * service's health deadline. It returns a DOWN or TIMEOUT result rather than throwing.
 */
@FunctionalInterface
public interface HealthCheck {
    ServiceHealth probe(Service service, OpsContext context);
}
