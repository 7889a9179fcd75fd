package dev.opsh.adapters.postgres;

import dev.opsh.adapters.ServiceEndpoint;
import dev.opsh.dsl.OpsContext;
import dev.opsh.inventory.Service;

/**
 * Who opsh connects to a PostgreSQL service as. {@link #toString()} names the service and its
 * address and never the password.
 *
 * @param applicationName what {@code pg_stat_activity} shows: {@code opsh:<os user>}
 */
public record PgTarget(ServiceEndpoint endpoint, String database, String user, String password, String applicationName) {
    public static final int DEFAULT_PORT = 5432;

    /** The target for {@code service}: its first host, database {@code postgres} and user {@code postgres} unless set. */
    public static PgTarget of(OpsContext context, Service service) {
        ServiceEndpoint endpoint = ServiceEndpoint.of(context.inventory(), service, DEFAULT_PORT);
        String database = service.setting("database") == null ? "postgres" : service.setting("database");
        String user = service.user() == null ? "postgres" : service.user();
        String password = context.secrets().resolve(service.password());
        return new PgTarget(endpoint, database, user, password, "opsh:" + System.getProperty("user.name"));
    }

    public String url() {
        return "jdbc:postgresql://" + endpoint.hostPort() + "/" + database;
    }

    @Override
    public String toString() {
        return endpoint.toString();
    }
}
