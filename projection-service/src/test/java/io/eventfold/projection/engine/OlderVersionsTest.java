package io.eventfold.projection.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OlderVersionsTest {

    @Test
    void a_projection_of_a_current_event_handles_its_older_versions_and_nothing_else() {
        var definition = new ProjectionDefinition("p", 1, List.of(), List.of(),
                Set.of("registration.person-registered.v2")::contains);

        assertThat(definition.handles().test("registration.person-registered.v2")).isTrue();
        assertThat(definition.handles().test("registration.person-registered.v1")).isTrue();
        assertThat(definition.handles().test("registration.person-registered.v1")).as("answered again").isTrue();
        assertThat(definition.handles().test("session.speaker-assigned.v1")).isFalse();
        assertThat(definition.handles().test("registration.person-registered.v3")).isFalse();
        assertThat(definition.handles().test("person.person-forgotten.v1")).isFalse();
    }
}
