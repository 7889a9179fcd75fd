package dev.opsh.adapters.redis;

import dev.opsh.adapters.ServiceEndpoint;
import dev.opsh.dsl.OpsContext;
import dev.opsh.inventory.Service;

/**
 * Who opsh connects to a Redis service as. {@link #toString()} never shows the password.
 *
 * @param user the ACL user, or null for the default user
 */
public record RedisTarget(ServiceEndpoint endpoint, String user, String password, String clientName) {
    public static final int DEFAULT_PORT = 6379;

    public static RedisTarget of(OpsContext context, Service service) {
        return new RedisTarget(ServiceEndpoint.of(context.inventory(), service, DEFAULT_PORT), service.user(),
                context.secrets().resolve(service.password()), "opsh:" + System.getProperty("user.name"));
    }

    /** The user as Redis names it. */
    public String userName() {
        return user == null ? "default" : user;
    }

    @Override
    public String toString() {
        return endpoint.toString();
    }
}
