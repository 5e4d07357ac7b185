package io.eventfold.projection.engine;

import io.eventfold.messaging.EventTopic;
import io.eventfold.messaging.TopicProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

@Configuration(proxyBeanMethods = false)
class TopicConfig {

    /**
     * Created here too, so the projector can start before the command side has ever run; a topic with another
     * partition count than configured stops the start-up.
     */
    @Bean
    EventTopic eventTopic(KafkaAdmin admin, TopicProperties topic) {
        return EventTopic.ensure(admin.getConfigurationProperties(), topic);
    }
}
