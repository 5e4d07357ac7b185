package io.eventfold.command;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/** A second command-service on the same database and topic as the test's own: what a scaled-out deploy runs. */
public final class AnotherInstance {

    private AnotherInstance() {
    }

    public static ConfigurableApplicationContext beside(Environment environment) {
        return new SpringApplicationBuilder(CommandServiceApplication.class).properties(
                "server.port=0",
                "spring.datasource.url=" + environment.getProperty("spring.datasource.url"),
                "spring.datasource.username=" + environment.getProperty("spring.datasource.username"),
                "spring.kafka.bootstrap-servers=" + environment.getProperty("spring.kafka.bootstrap-servers"),
                "eventfold.topic.name=" + environment.getProperty("eventfold.topic.name")).run();
    }

    public static String url(ConfigurableApplicationContext instance) {
        return "http://localhost:" + instance.getEnvironment().getProperty("local.server.port");
    }
}
