package io.eventfold.messaging;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * The event topic as both services find it at start-up: created if missing; refused if it has another partition
 * count than configured. A conference's events must stay on one partition to stay in order, and a changed count
 * moves its new events to another one, so re-partitioning is a new topic and a rebuild, never a silent change.
 */
public record EventTopic(String name, int partitions) {

    private static final long WAIT_SECONDS = 30;

    /** {@code adminConfig}: a Kafka admin client's settings (say, Spring's {@code KafkaAdmin}'s). */
    public static EventTopic ensure(Map<String, Object> adminConfig, TopicProperties topic) {
        try (var admin = Admin.create(adminConfig)) {
            int partitions = partitions(admin, topic);
            if (partitions != topic.partitions()) {
                throw new IllegalStateException("Topic " + topic.name() + " has " + partitions
                        + " partitions, but eventfold.topic.partitions is " + topic.partitions() + ". A conference's"
                        + " events would change partition and lose their order. To re-partition, write to a new topic"
                        + " and rebuild the projections from it (docs/operations.md); otherwise set the count back.");
            }
            return new EventTopic(topic.name(), partitions);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while checking topic " + topic.name(), e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not check or create topic " + topic.name() + " within "
                    + WAIT_SECONDS + " s: is Kafka reachable at " + adminConfig.get("bootstrap.servers") + "?", e);
        }
    }

    private static int partitions(Admin admin, TopicProperties topic)
            throws InterruptedException, ExecutionException, TimeoutException {
        if (admin.listTopics().names().get(WAIT_SECONDS, TimeUnit.SECONDS).contains(topic.name())) {
            return describe(admin, topic);
        }
        try {
            admin.createTopics(List.of(topic.newTopic())).all().get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e; // another service created it meanwhile: describe it below
            }
        }
        return describe(admin, topic);
    }

    /** A topic just created may not be known to every broker yet: asked again until it is, within the wait. */
    private static int describe(Admin admin, TopicProperties topic)
            throws InterruptedException, ExecutionException, TimeoutException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (true) {
            try {
                return admin.describeTopics(List.of(topic.name())).allTopicNames()
                        .get(WAIT_SECONDS, TimeUnit.SECONDS).get(topic.name()).partitions().size();
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException) || System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(100);
            }
        }
    }
}
