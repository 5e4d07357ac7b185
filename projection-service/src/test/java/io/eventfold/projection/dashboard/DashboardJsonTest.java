package io.eventfold.projection.dashboard;

import static io.eventfold.projection.ProjectionFixtures.sessionAdded;
import static org.assertj.core.api.Assertions.assertThat;

import io.eventfold.contracts.ConferenceEvent;
import io.eventfold.contracts.registration.Role;
import io.eventfold.contracts.session.SessionRoomChanged;
import io.eventfold.projection.ProjectionFixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class DashboardJsonTest {

    /** The tag as the writer computed it from the whole text before it wrote the text in parts. */
    private static String etag(long version, byte[] document) {
        var crc = new CRC32C();
        crc.update(document);
        return "\"" + version + "-" + Long.toHexString(crc.getValue()) + "\"";
    }

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void writes_every_state_of_a_fold_exactly_as_the_mapper_does_afresh_and_from_the_previous_state_parts() {
        var writer = new DashboardJson(json);
        for (int seed = 0; seed < 20; seed++) {
            var events = new ArrayList<ConferenceEvent>(ProjectionFixtures.history("c" + seed % 3, "acme", seed));
            events.add(sessionAdded("c" + seed % 3, "late", 9));
            events.add(new SessionRoomChanged("c" + seed % 3, "late", "Room A", "Room \"B\""));
            Dashboard dashboard = null;
            DashboardCache.Entry previous = null;
            long version = 0;
            for (var event : events) {
                dashboard = DashboardFold.apply(dashboard, event, version++).dashboard();

                var afresh = writer.write(dashboard);
                var fromPrevious = writer.write(dashboard, previous);
                previous = new DashboardCache.Entry(dashboard, fromPrevious);

                var expected = json.writeValueAsBytes(dashboard);
                for (var document : List.of(afresh, fromPrevious)) {
                    assertThat(Gzip.decompress(document.gzip())).isEqualTo(expected);
                    assertThat(document.etag(version)).isEqualTo(etag(version, expected));
                }
            }
        }
    }

    @Test
    void a_registration_reuses_the_event_and_sessions_as_deflated_before() {
        var writer = new DashboardJson(json);
        var events = ProjectionFixtures.history("c1", "acme", 3);
        Dashboard before = null;
        for (int v = 0; v < events.size(); v++) {
            before = DashboardFold.apply(before, events.get(v), v).dashboard();
        }
        var previous = new DashboardCache.Entry(before, writer.write(before));

        var after = DashboardFold.apply(before, ProjectionFixtures.registered("c1", "r-new", Role.ATTENDEE, 59),
                events.size()).dashboard();
        var document = writer.write(after, previous);

        assertThat(document.head()).isSameAs(previous.head());
        assertThat(document.sessions()).isSameAs(previous.sessions());
        assertThat(Gzip.decompress(document.gzip())).isEqualTo(json.writeValueAsBytes(after));
    }
}
