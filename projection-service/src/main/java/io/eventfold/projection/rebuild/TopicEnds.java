package io.eventfold.projection.rebuild;

import io.eventfold.messaging.TopicProperties;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

/** The topic's partitions and where each ends now: the "total" of a rebuild and the basis of lag. */
@Component
class TopicEnds implements DisposableBean {

    private final KafkaAdmin admin;
    private final String topic;
    private volatile AdminClient client;

    TopicEnds(KafkaAdmin admin, TopicProperties topic) {
        this.admin = admin;
        this.topic = topic.name();
    }

    /**
     * On the one client this bean keeps: {@code KafkaAdmin.describeTopics} makes a new client (threads,
     * connections, metadata) per call, and operators' dashboards poll the overview several times a second.
     */
    List<TopicPartition> partitions() {
        var description = await(client().describeTopics(List.of(topic)).allTopicNames()).get(topic);
        return description.partitions().stream().map(p -> new TopicPartition(topic, p.partition())).toList();
    }

    Map<TopicPartition, Long> ends() {
        var request = new HashMap<TopicPartition, OffsetSpec>();
        partitions().forEach(p -> request.put(p, OffsetSpec.latest()));
        var ends = new HashMap<TopicPartition, Long>();
        await(client().listOffsets(request).all()).forEach((p, info) -> ends.put(p, info.offset()));
        return ends;
    }

    private <T> T await(KafkaFuture<T> result) {
        try {
            return result.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Could not describe topic " + topic, e.getCause());
        }
    }

    private AdminClient client() {
        var current = client;
        if (current == null) {
            synchronized (this) {
                if (client == null) {
                    client = AdminClient.create(admin.getConfigurationProperties());
                }
                current = client;
            }
        }
        return current;
    }

    @Override
    public void destroy() {
        if (client != null) {
            client.close();
        }
    }
}
