package io.eventfold.bench.baseline;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;

/**
 * The projector an Axon application usually has, as the baseline of the replay benchmark: a tracking event
 * processor with Axon's default settings over Axon's JPA event store, and one {@code @EventHandler} per event
 * that updates JPA entities through Spring Data repositories. Events are JSON (Jackson), as ours are.
 */
@SpringBootApplication
@EnableJpaRepositories(considerNestedRepositories = true)
public class BaselineApplication {

    @Bean
    @Primary
    Serializer serializer() {
        return JacksonSerializer.builder().objectMapper(new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)).build();
    }

    @Bean
    @Qualifier("eventSerializer")
    Serializer eventSerializer(Serializer serializer) {
        return serializer;
    }
}
