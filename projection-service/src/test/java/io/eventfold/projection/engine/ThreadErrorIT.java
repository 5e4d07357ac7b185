package io.eventfold.projection.engine;

import static io.eventfold.projection.ProjectionFixtures.history;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doCallRealMethod;
import static org.mockito.Mockito.doThrow;

import io.eventfold.projection.OperatorClient;
import io.eventfold.projection.RunningProjector;
import io.eventfold.projection.TopicWriter;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/**
 * An Error thrown while a batch is written (a stack overflow) must not end the thread that writes: the live loop
 * retries, a rebuild retries and then fails visibly. An OutOfMemoryError stops the service instead of being
 * retried (FatalErrors). The writer is a spy that throws on cue.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "eventfold.projection.threads=1", "eventfold.projection.retry-backoff=100ms",
        "eventfold.projection.rebuild.retry-backoff=100ms"})
class ThreadErrorIT extends RunningProjector {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @MockitoSpyBean
    BatchProjector projector;
    @LocalServerPort
    int port;

    @Test
    void the_live_loop_writes_the_batch_after_an_error_in_it() {
        doThrow(new StackOverflowError("simulated")).doCallRealMethod().when(projector).project(any(), any());

        var id = conferenceOnTheTopic();

        await().atMost(TIMEOUT).until(() -> applied(id));
    }

    @Test
    @DirtiesContext
    void an_out_of_memory_error_stops_the_service_rather_than_retrying() throws Exception {
        var halted = new CompletableFuture<Integer>();
        var previous = FatalErrors.haltWith(halted::complete);
        try {
            doThrow(new OutOfMemoryError("simulated")).doCallRealMethod().when(projector).project(any(), any());

            var id = conferenceOnTheTopic();

            assertThat(halted.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isEqualTo(FatalErrors.STATUS);
            // A retry would apply it within the 100 ms back-off; the loop must not have carried on.
            Thread.sleep(2_000);
            assertThat(applied(id)).isFalse();
        } finally {
            FatalErrors.haltWith(previous);
        }
    }

    @Test
    void a_rebuild_whose_writes_keep_failing_with_an_error_ends_failed_and_says_why() {
        var id = conferenceOnTheTopic();
        await().atMost(TIMEOUT).until(() -> applied(id));
        doThrow(new StackOverflowError("simulated")).when(projector).rebuild(any(), any(), any());
        var operator = OperatorClient.operator(port);

        assertThat(operator.send("POST", "/admin/projections/status-counts/rebuild").status()).isEqualTo(202);

        await().atMost(TIMEOUT).until(() -> "FAILED".equals(
                operator.send("GET", "/admin/projections/status-counts/rebuild").json().path("state").asString("")));
        assertThat(operator.send("GET", "/admin/projections/status-counts/rebuild").json().path("error").asString(""))
                .contains("StackOverflowError: simulated");
    }

    private String conferenceOnTheTopic() {
        var id = "conf-" + UUID.randomUUID();
        try (var writer = new TopicWriter(bootstrapServers, topic.name())) {
            history(id, "org-1", 1).forEach(writer::send);
        }
        return id;
    }

    private boolean applied(String id) {
        return jdbc.sql("select count(*) from dashboard where conference_id = ?").param(id).query(Integer.class)
                .single() == 1;
    }
}
