package io.eventfold.projection;

import io.eventfold.infra.TestInfrastructureInitializer;
import io.eventfold.messaging.TopicProperties;
import io.eventfold.testsupport.TestIssuerInitializer;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;

/**
 * What the tests of a running projection-service reach for: its database, its topic and the broker, those of
 * the shared test infrastructure, and trusting the tests' token issuer (each subclass adds its
 * {@code @SpringBootTest} settings).
 */
@ContextConfiguration(initializers = {TestInfrastructureInitializer.class, TestIssuerInitializer.class})
public abstract class RunningProjector {

    @Autowired
    protected JdbcClient jdbc;
    @Autowired
    protected TopicProperties topic;
    @Value("${spring.kafka.bootstrap-servers}")
    protected String bootstrapServers;
    private TopicWriter writer;

    /** A writer to the projector's topic, made on first use and closed after the test. */
    protected TopicWriter writer() {
        if (writer == null) {
            writer = new TopicWriter(bootstrapServers, topic.name());
        }
        return writer;
    }

    @AfterEach
    void closeWriter() {
        if (writer != null) {
            writer.close();
            writer = null;
        }
    }
}
