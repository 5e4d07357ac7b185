package io.eventfold.projection.engine;

import static io.eventfold.projection.ProjectionFixtures.registered;
import static io.eventfold.projection.ProjectionFixtures.scheduled;
import static io.eventfold.projection.ProjectionFixtures.statusChanged;
import static io.eventfold.projection.engine.ProjectionServiceIT.dashboardVersion;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.eventfold.contracts.conference.ConferenceStatus;
import io.eventfold.contracts.registration.Role;
import io.eventfold.projection.RunningProjector;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Events of a conference delivered out of order and twice, as a resent producer batch or a changed partition
 * would deliver them: an event that comes before one it builds on waits (parked, visible), and is applied once
 * the missing one arrives; duplicates are ignored. A gap that never fills stays a dead letter.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OutOfOrderIT extends RunningProjector {

    @Test
    void an_early_event_waits_for_the_one_it_builds_on_and_duplicates_count_once() {
        var id = "reordered-" + UUID.randomUUID();
        var org = "org-" + UUID.randomUUID();
        writer().send(scheduled(id, org), 0);
        writer().send(statusChanged(id, ConferenceStatus.DRAFT, ConferenceStatus.PUBLISHED), 1);
        writer().send(registered(id, "r2", Role.ATTENDEE, 2), 3);
        writer().send(registered(id, "r3", Role.ATTENDEE, 3), 4);
        await().atMost(Duration.ofSeconds(20)).until(() -> parked(id).size() == 2);
        assertThat(parked(id).get(0)).startsWith("Gap: version 3 arrived before version 2");
        assertThat(dashboardVersion(jdbc, id)).isEqualTo(1);

        writer().send(registered(id, "r1", Role.ATTENDEE, 1), 2);
        writer().send(registered(id, "r2", Role.ATTENDEE, 2), 3);

        await().atMost(Duration.ofSeconds(30)).until(() -> dashboardVersion(jdbc, id) == 4);
        assertThat(jdbc.sql("select attendee_count from dashboard where conference_id = ?").param(id)
                .query(Integer.class).single()).isEqualTo(3);
        assertThat(parked(id)).isEmpty();
        assertThat(jdbc.sql("""
                        select status, conference_count from status_count
                        where organization_id = ? and conference_count > 0""")
                .param(org).query().listOfRows())
                .containsExactly(Map.of("status", "PUBLISHED", "conference_count", 1L));
    }

    @Test
    void a_gap_that_never_fills_holds_its_conference_and_shows_as_dead_letters() {
        var id = "gap-" + UUID.randomUUID();
        writer().send(scheduled(id, "acme"), 0);
        writer().send(registered(id, "r2", Role.ATTENDEE, 2), 2);
        var other = "other-" + UUID.randomUUID();
        writer().send(scheduled(other, "acme"), 0);

        await().atMost(Duration.ofSeconds(20)).until(() -> dashboardVersion(jdbc, other) == 0);
        await().atMost(Duration.ofSeconds(20)).until(() -> parked(id).size() == 1);
        assertThat(parked(id).get(0)).startsWith("Gap: version 2 arrived before version 1");
        assertThat(dashboardVersion(jdbc, id)).isZero();
    }

    private List<String> parked(String conference) {
        return jdbc.sql("""
                        select reason from dead_letter
                        where conference_id = ? and projection = 'dashboard' and state = 'PARKED'
                        order by aggregate_version""")
                .param(conference).query(String.class).list();
    }
}
