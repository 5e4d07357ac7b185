package io.eventfold.projection.engine;

import static io.eventfold.projection.ProjectionFixtures.registered;
import static io.eventfold.projection.ProjectionFixtures.scheduled;
import static io.eventfold.projection.ProjectionFixtures.statusChanged;
import static io.eventfold.projection.engine.ProjectionServiceIT.dashboardVersion;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.eventfold.contracts.conference.ConferenceScheduled;
import io.eventfold.contracts.conference.ConferenceStatus;
import io.eventfold.contracts.registration.PersonRegistered;
import io.eventfold.contracts.registration.Role;
import io.eventfold.messaging.EventHeaders;
import io.eventfold.projection.ProjectionFixtures;
import io.eventfold.projection.RunningProjector;
import io.eventfold.projection.rebuild.ProjectionOverview;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Events that decode and fold but that the database refuses to store (written past the command API's checks,
 * straight onto the topic): each is parked with the database's error, its conference's later events wait
 * behind it, and every other conference of the same batches keeps flowing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WriteTimePoisonIT extends RunningProjector {

    @Autowired
    ProjectionOverview overview;

    @Test
    void a_value_the_database_refuses_parks_only_its_event_and_its_conference() {
        var nul = "nul-" + UUID.randomUUID();
        var farDate = "far-" + UUID.randomUUID();
        var healthy = "healthy-" + UUID.randomUUID();
        writer().send(scheduled(nul, "poison-org"));
        writer().send(scheduled(healthy, "poison-org"));
        writer().send(new ConferenceScheduled(farDate, "poison-org", "Far", LocalDate.of(5_874_898, 1, 1),
                LocalDate.of(5_874_898, 1, 2), 10, ProjectionFixtures.T0));
        writer().send(statusChanged(nul, ConferenceStatus.DRAFT, ConferenceStatus.PUBLISHED));
        writer().send(new PersonRegistered(nul, "r1", "u1", "Ann\u0000", "ann@example.com", Role.ATTENDEE,
                ProjectionFixtures.T0));
        writer().send(registered(nul, "r2", Role.ATTENDEE, 2));
        writer().send(malformedWatermark());
        writer().send(statusChanged(healthy, ConferenceStatus.DRAFT, ConferenceStatus.PUBLISHED));
        writer().send(registered(healthy, "r1", Role.ATTENDEE, 1));
        writer().send(statusChanged(farDate, ConferenceStatus.DRAFT, ConferenceStatus.PUBLISHED));

        var later = "later-" + UUID.randomUUID();
        writer().send(scheduled(later, "poison-org"));
        await().atMost(Duration.ofSeconds(30)).until(() -> dashboardVersion(jdbc, later) == 0);
        await().atMost(Duration.ofSeconds(30)).until(() -> dashboardVersion(jdbc, healthy) == 2);

        assertThat(jdbc.sql("select attendee_count from dashboard where conference_id = ?").param(healthy)
                .query(Integer.class).single()).isEqualTo(1);
        assertThat(dashboardVersion(jdbc, nul)).as("applied up to the event before the refused one").isEqualTo(1);
        assertThat(dashboardVersion(jdbc, farDate)).as("its very first event was refused").isEqualTo(-1);
        var parked = parkedDashboardEvents(nul);
        assertThat(parked).extracting(r -> r.get("aggregate_version")).containsExactly(2L, 3L);
        assertThat(parked.get(0).get("reason").toString()).contains("0x00");
        assertThat(parked.get(1).get("reason").toString()).contains("Waiting behind");
        assertThat(parkedDashboardEvents(farDate)).extracting(r -> r.get("aggregate_version"))
                .containsExactly(0L, 1L);
        assertThat(parkedDashboardEvents(farDate).get(0).get("reason").toString()).containsIgnoringCase("date");
        // Status counts store no dates or names: all four conferences counted, each once.
        assertThat(jdbc.sql("select status, conference_count from status_count where organization_id = 'poison-org'")
                .query().listOfRows()).containsExactlyInAnyOrder(Map.of("status", "PUBLISHED", "conference_count", 3L),
                        Map.of("status", "DRAFT", "conference_count", 1L));
        // What is parked is not applied: the lag says so, though every record was read.
        var dashboard = overview.projections().stream().filter(p -> p.name().equals("dashboard")).findFirst()
                .orElseThrow();
        assertThat(dashboard.lagEvents()).isGreaterThanOrEqualTo(4);
        assertThat(dashboard.parkedConferences()).isGreaterThanOrEqualTo(2);
    }

    private ProducerRecord<String, byte[]> malformedWatermark() {
        var record = new ProducerRecord<String, byte[]>(topic.name(), 0, null, null);
        record.headers().add(new RecordHeader(EventHeaders.WATERMARK, new byte[] {1, 2, 3}));
        return record;
    }

    private List<Map<String, Object>> parkedDashboardEvents(String conference) {
        return jdbc.sql("""
                        select aggregate_version, reason from dead_letter
                        where conference_id = ? and projection = 'dashboard' and state = 'PARKED'
                        order by aggregate_version""")
                .param(conference).query().listOfRows();
    }
}
