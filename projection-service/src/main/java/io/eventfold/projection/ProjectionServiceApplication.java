package io.eventfold.projection;

import io.eventfold.messaging.TopicProperties;
import io.eventfold.projection.engine.ConsumerProperties;
import io.eventfold.projection.engine.ReadModelProperties;
import io.eventfold.projection.rebuild.RebuildProperties;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@EnableScheduling
@EnableConfigurationProperties({TopicProperties.class, ConsumerProperties.class, RebuildProperties.class,
        ReadModelProperties.class})
public class ProjectionServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(ProjectionServiceApplication.class, args);
    }
}
