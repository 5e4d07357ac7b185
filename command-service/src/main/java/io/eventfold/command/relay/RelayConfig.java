package io.eventfold.command.relay;

import io.eventfold.messaging.EventTopic;
import io.eventfold.messaging.TopicProperties;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;

@Configuration(proxyBeanMethods = false)
class RelayConfig {

    /** Created if missing; a topic with another partition count than configured stops the start-up. */
    @Bean
    EventTopic eventTopic(KafkaAdmin admin, TopicProperties topic) {
        return EventTopic.ensure(admin.getConfigurationProperties(), topic);
    }

    /** Fetches the topic's metadata at start-up, so that the first command is not also the slowest. */
    @EventListener(ApplicationReadyEvent.class)
    void warmUpProducer(ApplicationReadyEvent ready) {
        var context = ready.getApplicationContext();
        context.getBean(KafkaTemplate.class).partitionsFor(context.getBean(TopicProperties.class).name());
    }

    /** A failed publication must stop the relay and be retried, never logged and skipped. */
    @Autowired
    void propagateRelayErrors(EventProcessingConfigurer processing) {
        processing.registerListenerInvocationErrorHandler(KafkaRelay.PROCESSING_GROUP,
                configuration -> PropagatingErrorHandler.instance());
    }
}
