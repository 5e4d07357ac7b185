package io.eventfold.command.relay;

import io.eventfold.messaging.TopicProperties;
import org.apache.kafka.clients.admin.NewTopic;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class RelayConfig {

    @Bean
    NewTopic eventTopic(TopicProperties topic) {
        return topic.newTopic();
    }

    /** A failed publication must stop the relay and be retried, never logged and skipped. */
    @Autowired
    void propagateRelayErrors(EventProcessingConfigurer processing) {
        processing.registerListenerInvocationErrorHandler(KafkaRelay.PROCESSING_GROUP,
                configuration -> PropagatingErrorHandler.instance());
    }
}
