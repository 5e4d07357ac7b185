package io.eventfold.projection.dashboard;

import static io.eventfold.projection.ProjectionFixtures.sessionAdded;
import static org.assertj.core.api.Assertions.assertThat;

import io.eventfold.contracts.ConferenceEvent;
import io.eventfold.contracts.session.SessionRoomChanged;
import io.eventfold.projection.ProjectionFixtures;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class DashboardJsonTest {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void writes_every_state_of_a_fold_exactly_as_the_mapper_does() {
        var writer = new DashboardJson(json);
        for (int seed = 0; seed < 20; seed++) {
            var events = new ArrayList<ConferenceEvent>(ProjectionFixtures.history("c" + seed % 3, "acme", seed));
            events.add(sessionAdded("c" + seed % 3, "late", 9));
            events.add(new SessionRoomChanged("c" + seed % 3, "late", "Room A", "Room \"B\""));
            Dashboard dashboard = null;
            long version = 0;
            for (var event : events) {
                dashboard = DashboardFold.apply(dashboard, event, version++).dashboard();

                assertThat(writer.write(dashboard)).isEqualTo(json.writeValueAsString(dashboard));
            }
        }
    }
}
