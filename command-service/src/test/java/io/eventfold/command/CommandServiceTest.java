package io.eventfold.command;

import io.eventfold.infra.TestInfrastructureInitializer;
import io.eventfold.testsupport.TestIssuerInitializer;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/** The whole command-service on a random port, against the real test PostgreSQL and Kafka, trusting TestIssuer. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = {TestInfrastructureInitializer.class, TestIssuerInitializer.class})
public @interface CommandServiceTest {
}
