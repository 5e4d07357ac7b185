package io.eventfold.projection;

import static org.awaitility.Awaitility.await;

import io.eventfold.infra.TestInfrastructureInitializer;
import io.eventfold.messaging.TopicProperties;
import io.eventfold.testsupport.TestIssuerInitializer;
import java.time.Duration;
import java.util.UUID;
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

    /** A conference whose registration nobody can read: the dashboard parks it, and this is its letter's id. */
    protected long parkedDeadLetter() {
        var conference = "unreadable-" + UUID.randomUUID();
        writer().send(ProjectionFixtures.scheduled(conference, "acme"));
        writer().sendUnreadable(conference, "registration.person-registered.v1");
        var id = jdbc.sql("select id from dead_letter where conference_id = ? and state = 'PARKED'").param(conference)
                .query(Long.class);
        await().atMost(Duration.ofSeconds(20)).until(() -> id.optional().isPresent());
        return id.single();
    }

    @AfterEach
    void closeWriter() {
        if (writer != null) {
            writer.close();
            writer = null;
        }
    }
}
