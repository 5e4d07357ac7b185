package io.eventfold.projection.engine;

import static io.eventfold.projection.ProjectionFixtures.registered;
import static io.eventfold.projection.ProjectionFixtures.scheduled;
import static io.eventfold.projection.engine.ProjectionServiceIT.dashboardVersion;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventfold.contracts.ConferenceEvent;
import io.eventfold.contracts.EventTypes;
import io.eventfold.contracts.registration.Role;
import io.eventfold.messaging.EventHeaders;
import io.eventfold.projection.ProjectionFixtures;
import io.eventfold.projection.RunningProjector;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Two writers of one partition, as when a paused instance (a zombie whose partitions were handed to another)
 * wakes up and writes the batch it held: whichever commits second read from an offset that is no longer the
 * stored one, and is refused whole. Nothing is counted twice, no row goes back, offsets never move back.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FencingIT extends RunningProjector {

    @Autowired
    BatchProjector projector;

    private final String topicName = "fencing-" + UUID.randomUUID();
    private final String conference = "fenced-" + UUID.randomUUID();
    private final String org = "org-" + UUID.randomUUID();

    @Test
    void the_second_of_two_writers_from_the_same_offset_is_refused_whole() {
        var newOwner = batch(0, scheduled(conference, org), registered(conference, "r1", Role.ATTENDEE, 1));
        var zombie = batch(0, scheduled(conference, org), registered(conference, "r1", Role.ATTENDEE, 1));

        projector.project("live", newOwner);

        assertThatThrownBy(() -> projector.project("live", zombie)).isInstanceOf(FencedBatchException.class);
        assertThat(dashboardVersion(jdbc, conference)).isEqualTo(1);
        assertThat(attendees()).isEqualTo(1);
        assertThat(counts()).containsExactly(Map.of("status", "DRAFT", "conference_count", 1L));
        assertThat(storedOffset()).isEqualTo(2);
    }

    @Test
    void two_writers_at_once_of_a_conference_neither_has_seen_count_it_once() {
        var first = batch(0, scheduled(conference, org), registered(conference, "r1", Role.ATTENDEE, 1));
        var second = batch(0, scheduled(conference, org), registered(conference, "r1", Role.ATTENDEE, 1));

        var outcomes = Stream.of(first, second).parallel().map(batch -> {
            try {
                projector.project("live", batch);
                return "written";
            } catch (FencedBatchException e) {
                return "fenced";
            }
        }).toList();

        assertThat(outcomes).containsExactlyInAnyOrder("written", "fenced");
        assertThat(counts()).containsExactly(Map.of("status", "DRAFT", "conference_count", 1L));
        assertThat(attendees()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from dashboard_registration_g1 where conference_id = ?").param(conference)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void a_stale_batch_behind_the_stored_offset_moves_nothing_back() {
        projector.project("live", batch(0, scheduled(conference, org)));
        projector.project("live", batch(1, registered(conference, "r1", Role.ATTENDEE, 1),
                registered(conference, "r2", Role.ATTENDEE, 2)));

        var stale = batch(1, registered(conference, "r1", Role.ATTENDEE, 1));

        assertThatThrownBy(() -> projector.project("live", stale)).isInstanceOf(FencedBatchException.class);
        assertThat(storedOffset()).isEqualTo(3);
        assertThat(dashboardVersion(jdbc, conference)).isEqualTo(2);
        assertThat(attendees()).isEqualTo(2);
    }

    /** The conference's events from this offset of partition 0 on, its versions following the offsets. */
    private Batch batch(long firstOffset, ConferenceEvent... events) {
        var batch = new Batch();
        long offset = firstOffset;
        for (var event : events) {
            var headers = new EventHeaders(EventTypes.wireNameOf(event.getClass()).orElseThrow(),
                    UUID.randomUUID().toString(), conference, offset, offset + 1, ProjectionFixtures.T0);
            batch.addEvent(EventEnvelope.decoded(topicName, 0, offset++, 0, headers, event, ByteBuffer.allocate(0)));
        }
        return batch;
    }

    private int attendees() {
        return jdbc.sql("select attendee_count from dashboard where conference_id = ?").param(conference)
                .query(Integer.class).single();
    }

    private List<Map<String, Object>> counts() {
        return jdbc.sql("select status, conference_count from status_count where organization_id = ?").param(org)
                .query().listOfRows();
    }

    private long storedOffset() {
        return jdbc.sql("select next_offset from projection_offset where projection = 'live' and topic = ?")
                .param(topicName).query(Long.class).single();
    }
}
