package io.eventfold.testsupport;

import java.util.HashMap;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/** Makes a Spring test context trust {@link TestIssuer}: {@code @ContextConfiguration(initializers = …)}. */
public class TestIssuerInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        context.getEnvironment().getPropertySources().addFirst(
                new MapPropertySource("test-issuer", new HashMap<>(TestIssuer.serviceProperties())));
    }
}
