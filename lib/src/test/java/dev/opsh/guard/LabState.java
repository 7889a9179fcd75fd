package dev.opsh.guard;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import dev.opsh.inventory.Inventory;
import dev.opsh.inventory.Secrets;
import dev.opsh.inventory.Service;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeoutException;
import redis.clients.jedis.Jedis;

/**
 * The real state of a lab's services, read with the clients' own libraries rather than opsh, so a
 * test can tell that a refused action changed nothing and an accepted one did what it said.
 */
public final class LabState {
    private final Inventory inventory;
    private final Secrets secrets = new Secrets(System::getenv);

    public LabState(Inventory inventory) {
        this.inventory = inventory;
    }

    /** Exactly how many messages are ready in a queue, from a passive declare. */
    public long readyMessages(String queue) {
        Service rabbit = inventory.service("rabbitmq");
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost("127.0.0.1");
        factory.setPort(rabbit.port());
        factory.setUsername(rabbit.user());
        factory.setPassword(secrets.resolve(rabbit.password()));
        try (Connection connection = factory.newConnection(); Channel channel = connection.createChannel()) {
            return channel.queueDeclarePassive(queue).getMessageCount();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (TimeoutException e) {
            throw new IllegalStateException(e);
        }
    }

    public String redisPing() {
        try (Jedis jedis = redis()) {
            return jedis.ping();
        }
    }

    public Jedis redis() {
        return new Jedis("127.0.0.1", inventory.service("redis").port());
    }

    /** One value from one query, on a connection of its own. */
    public Object sqlValue(String query) {
        Service pg = inventory.service("postgres");
        String url = "jdbc:postgresql://127.0.0.1:" + pg.port() + "/" + pg.setting("database");
        try (java.sql.Connection c = DriverManager.getConnection(url, pg.user(), secrets.resolve(pg.password()));
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(query)) {
            rs.next();
            return rs.getObject(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A digest of the upload pipeline's tables, which any write would change. */
    public String uploadTablesDigest() {
        return String.valueOf(sqlValue("select md5(coalesce((select string_agg(t::text, ',' order by id) from uploads t), '')"
                + " || coalesce((select string_agg(j::text, ',' order by id) from job_queue j), ''))"));
    }
}
