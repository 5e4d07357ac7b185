package io.eventfold.command;

import io.eventfold.testsupport.TestIssuer;
import java.util.HashMap;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/**
 * A second command-service on the same database and topic as the test's own, trusting the same issuer: what a
 * scaled-out deploy runs.
 */
public final class AnotherInstance {

    private AnotherInstance() {
    }

    public static ConfigurableApplicationContext beside(Environment environment) {
        var properties = new HashMap<String, Object>(TestIssuer.serviceProperties());
        properties.put("server.port", "0");
        for (var shared : new String[] {"spring.datasource.url", "spring.datasource.username",
                "spring.kafka.bootstrap-servers", "eventfold.topic.name"}) {
            properties.put(shared, environment.getProperty(shared));
        }
        // As arguments: the builder's properties are defaults, beneath application.properties, whose database
        // role (eventfold_command) may not read the schema history the test's owner role wrote.
        var arguments = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        return new SpringApplicationBuilder(CommandServiceApplication.class).run(arguments);
    }

    public static String url(ConfigurableApplicationContext instance) {
        return "http://localhost:" + instance.getEnvironment().getProperty("local.server.port");
    }
}
