package io.eventfold.infra;

import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points a Spring test context at the shared test servers, with a database and a topic of its own:
 * {@code @ContextConfiguration(initializers = TestInfrastructureInitializer.class)}.
 */
public class TestInfrastructureInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        var infra = TestInfrastructure.get();
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("test-infrastructure", Map.of(
                "spring.datasource.url", infra.newDatabase(),
                "spring.datasource.username", infra.username(),
                "spring.kafka.bootstrap-servers", infra.bootstrapServers(),
                "eventfold.topic.name", infra.newTopic())));
    }
}
