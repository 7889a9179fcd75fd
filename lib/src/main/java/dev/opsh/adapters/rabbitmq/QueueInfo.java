package dev.opsh.adapters.rabbitmq;

/**
 * One RabbitMQ queue as the management API reports it.
 *
 * @param ready messages waiting for a consumer
 * @param unacked messages delivered but not yet acknowledged
 * @param publishRate messages published per second, over the broker's last sample
 * @param deliverRate messages delivered (or fetched) per second
 * @param state running, idle, flow, down, ...
 * @param threshold the inventory's limit for {@code ready}, or null when it sets none
 * @param overThreshold whether {@code ready} is above the threshold
 */
public record QueueInfo(String vhost, String name, long ready, long unacked, int consumers, double publishRate,
        double deliverRate, String state, Long threshold, boolean overThreshold) {

    /** Ready plus unacknowledged messages: what {@code queues()} sorts by. */
    public long depth() {
        return ready + unacked;
    }
}
