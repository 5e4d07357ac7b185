package io.eventfold.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventfold.e2e.EventFoldSystem.Service;
import io.eventfold.infra.PostgresServer;
import io.eventfold.infra.TestInfrastructure;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;

/**
 * The re-partitioning procedure of docs/operations.md, step by step as an operator runs it: writes stop, the
 * read model catches up, command-service and projection-service stop, the relay's position is deleted, both
 * start on a new topic with another partition count (the relay publishes every stored event again), and the
 * projections are rebuilt from it. No acknowledged write is lost, no row changes but by new writes, and every
 * dashboard and count equals the classic computation, for conferences from before and after.
 */
class RepartitionIT extends FullSystemIT {

    @Test
    void a_new_topic_with_another_partition_count_and_a_rebuild_keep_every_row_equal_to_its_fold()
            throws Exception {
        var before = new RegistrationWriters(oracle, () -> List.of(system.url(Service.COMMAND)), "before", 3);
        Thread.sleep(2000);
        before.stop();
        before.assertReadModelEqualsOracle(Duration.ofSeconds(60));

        var old = system.topic();
        var topic = old + "-3";
        system.restartWith(Map.of("EVENTFOLD_TOPIC_NAME", topic, "EVENTFOLD_TOPIC_PARTITIONS", "3"),
                () -> forgetPositions(old), Service.COMMAND, Service.PROJECTION);
        var after = new RegistrationWriters(oracle, () -> List.of(system.url(Service.COMMAND)), "after", 3);
        Thread.sleep(2000);
        after.stop();
        after.assertReadModelEqualsOracle(Duration.ofSeconds(60));
        var operator = new Operator(system);
        for (var projection : List.of("dashboard", "status-counts")) {
            operator.awaitSwitched(projection, operator.startRebuild(projection));
        }

        assertThat(partitions(topic)).isEqualTo(3);
        assertReadYourWritesByPosition(after.conferences().get(0));
        assertThat(TopicReader.readAll(topic)).as("every stored event on the new topic")
                .hasSizeGreaterThanOrEqualTo(storedEvents());
        before.assertNothingLostOrDoubled(system.databaseUrl());
        after.assertNothingLostOrDoubled(system.databaseUrl());
        before.assertReadModelEqualsOracle(Duration.ofSeconds(60));
        after.assertReadModelEqualsOracle(Duration.ofSeconds(60));
    }

    /** A read waiting for a position answers once the write is applied: no stale old-topic progress holds it. */
    private static void assertReadYourWritesByPosition(String conference) {
        var written = Tokens.organizer(system.url(Service.COMMAND)).post("/api/events/" + conference
                + "/registrations", """
                {"registrationId":"last","userId":"u-last","name":"Last","email":"last@example.com",
                 "role":"ATTENDEE"}""");
        assertThat(written.status()).as(written.toString()).isEqualTo(201);
        oracle.reference().register(conference, "last", "u-last", "Last", "last@example.com", "ATTENDEE");
        var counts = Tokens.organizer(system.url(Service.QUERY))
                .get("/api/events/stats/by-status?minPosition=" + written.json().get("position").asLong());
        assertThat(counts.status()).as(counts.toString()).isEqualTo(200);
    }

    /**
     * The procedure's SQL: without a stored position the relay starts from the first stored event; the old
     * topic's progress rows go, or reads waiting for a position would wait on a topic nothing reads any more.
     */
    private static void forgetPositions(String oldTopic) {
        try (var connection = DriverManager.getConnection(system.databaseUrl(), PostgresServer.USER, "");
             var relay = connection.prepareStatement(
                     "delete from event_store.token_entry where processor_name = 'kafka-relay'");
             var progress = connection.prepareStatement("delete from read_model.projection_offset where topic = ?")) {
            assertThat(relay.executeUpdate()).as("the relay's position rows").isPositive();
            progress.setString(1, oldTopic);
            assertThat(progress.executeUpdate()).as("the old topic's progress rows").isPositive();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int storedEvents() throws SQLException {
        try (var connection = DriverManager.getConnection(system.databaseUrl(), PostgresServer.USER, "");
             var count = connection.prepareStatement("select count(*) from event_store.domain_event_entry");
             var rows = count.executeQuery()) {
            rows.next();
            return rows.getInt(1);
        }
    }

    private static int partitions(String topic) throws Exception {
        try (var admin = Admin.create(Map.of("bootstrap.servers", TestInfrastructure.get().bootstrapServers()))) {
            return admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().size();
        }
    }
}
