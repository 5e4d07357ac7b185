package io.eventfold.query;

import io.eventfold.infra.TestInfrastructureInitializer;
import io.eventfold.testsupport.TestIssuerInitializer;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * The query API on a random port over a real database whose read-model schema is built with the
 * projector's own migrations (which the query API itself never runs), trusting the tokens of {@code TestIssuer}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.flyway.locations=classpath:db/readmodel", "spring.flyway.schemas=read_model",
        "spring.datasource.hikari.read-only=false", "eventfold.query.max-wait=400ms"})
@ContextConfiguration(initializers = {TestInfrastructureInitializer.class, TestIssuerInitializer.class})
public @interface QueryApiTest {
}
