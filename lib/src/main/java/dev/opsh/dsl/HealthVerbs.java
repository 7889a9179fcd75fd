package dev.opsh.dsl;

import dev.opsh.adapters.ServiceHealth;
import dev.opsh.adapters.health.HealthChecks;
import java.util.List;

/** One health probe per service and host of the inventory, all at once. */
public interface HealthVerbs extends Verbs {
    @Verb(effect = Effect.READ,
            summary = "probes every service over its own protocol and every host over SSH, in parallel: status, latency, version, error; ends within the longest health deadline",
            example = "health().findAll { !it.up() }")
    default List<ServiceHealth> health() {
        return HealthChecks.standard().probeAll(context());
    }
}
