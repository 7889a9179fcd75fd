package dev.opsh.adapters.postgres;

import dev.opsh.OpshException;
import dev.opsh.adapters.BoundedProbe;
import dev.opsh.adapters.HealthCheck;
import dev.opsh.adapters.ServiceEndpoint;
import dev.opsh.adapters.ServiceHealth;
import dev.opsh.dsl.OpsContext;
import dev.opsh.inventory.Deadlines;
import dev.opsh.inventory.Service;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * Probes a PostgreSQL service on a fresh connection of its own: {@code select 1}, and the server
 * version the server announced at login. The whole probe ends within the service's health deadline.
 */
public final class PostgresHealthCheck implements HealthCheck {

    /** Prepares the service (the lab starts here) and then probes it; never throws for a failing service. */
    @Override
    public ServiceHealth probe(Service service, OpsContext context) {
        ServiceEndpoint endpoint = ServiceEndpoint.of(context.inventory(), service, PgTarget.DEFAULT_PORT);
        Duration deadline = service.deadlines().health();
        PgTarget target;
        try {
            context.provisioner().prepare(service);
            target = PgTarget.of(context, service);
        } catch (OpshException e) {
            return BoundedProbe.down(endpoint, e.getMessage());
        }
        Deadlines bounded = BoundedProbe.clientDeadlines(service.deadlines());
        return BoundedProbe.run(endpoint, deadline, abandon -> {
            try (Connection connection = PostgresConnector.open(target, bounded.connect(), deadline, Duration.ZERO)) {
                abandon.closeOnTimeout(() -> connection.abort(Runnable::run));
                try (Statement statement = connection.createStatement()) {
                    statement.execute("select 1");
                }
                return connection.getMetaData().getDatabaseProductVersion();
            } catch (SQLException e) {
                throw PostgresErrors.translate(target, "probing health", bounded, e);
            }
        });
    }
}
