package io.eventfold.projection.consumer;

import io.eventfold.messaging.TopicProperties;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class TopicConfig {

    /** Declared here too, so the projector can start before the command side has ever run. */
    @Bean
    NewTopic eventTopic(TopicProperties topic) {
        return topic.newTopic();
    }
}
