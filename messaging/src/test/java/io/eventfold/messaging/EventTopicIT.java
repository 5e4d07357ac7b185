package io.eventfold.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventfold.infra.TestInfrastructure;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventTopicIT {

    private final Map<String, Object> admin = Map.of("bootstrap.servers",
            TestInfrastructure.get().bootstrapServers());
    private final String name = "topic-" + UUID.randomUUID();

    @Test
    void a_missing_topic_is_created_with_the_configured_partitions() {
        assertThat(EventTopic.ensure(admin, new TopicProperties(name, 3, (short) 1)))
                .isEqualTo(new EventTopic(name, 3));
        assertThat(EventTopic.ensure(admin, new TopicProperties(name, 3, (short) 1)).partitions()).isEqualTo(3);
    }

    @Test
    void a_topic_with_another_partition_count_is_refused_and_left_as_it_is() {
        EventTopic.ensure(admin, new TopicProperties(name, 2, (short) 1));

        assertThatThrownBy(() -> EventTopic.ensure(admin, new TopicProperties(name, 4, (short) 1)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("has 2 partitions, but eventfold.topic.partitions is 4");
        assertThat(EventTopic.ensure(admin, new TopicProperties(name, 2, (short) 1)).partitions()).isEqualTo(2);
    }
}
