package io.eventfold.projection.rebuild;

import io.eventfold.messaging.TopicProperties;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.OffsetSpec;
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

    List<TopicPartition> partitions() {
        return admin.describeTopics(topic).get(topic).partitions().stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
    }

    Map<TopicPartition, Long> ends() {
        var request = new HashMap<TopicPartition, OffsetSpec>();
        partitions().forEach(p -> request.put(p, OffsetSpec.latest()));
        try {
            var ends = new HashMap<TopicPartition, Long>();
            client().listOffsets(request).all().get().forEach((p, info) -> ends.put(p, info.offset()));
            return ends;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Could not read the ends of topic " + topic, e.getCause());
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
