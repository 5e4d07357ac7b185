package io.eventfold.projection.engine;

import static io.eventfold.projection.ProjectionFixtures.registered;
import static io.eventfold.projection.ProjectionFixtures.scheduled;
import static io.eventfold.projection.engine.ProjectionServiceIT.dashboardVersion;
import static org.awaitility.Awaitility.await;

import io.eventfold.contracts.registration.Role;
import io.eventfold.projection.RunningProjector;
import io.eventfold.projection.TopicWriter;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A projector that keeps up writes what it read at once; the batch delay only bounds how long a projector
 * that is behind may fill a batch. The delay here is a minute, so waiting for it would fail the test. The
 * test infrastructure gives this context a topic and a database of its own; a group of its own keeps the
 * other test contexts' consumers from rebalancing it while it waits.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
        "eventfold.projection.max-delay=60s", "spring.kafka.consumer.group-id=batching-test"})
class BatchingIT extends RunningProjector {

    @Test
    void a_projector_that_has_read_everything_writes_it_without_waiting_for_the_batch_delay() {
        var id = "caught-up-" + UUID.randomUUID();
        try (var writer = new TopicWriter(bootstrapServers, topic.name())) {
            writer.send(scheduled(id, "acme"));
            await().atMost(Duration.ofSeconds(20)).until(() -> dashboardVersion(jdbc, id) == 0);

            writer.send(registered(id, "r1", Role.ATTENDEE, 1));

            await().atMost(Duration.ofSeconds(20)).until(() -> dashboardVersion(jdbc, id) == 1);
        }
    }
}
