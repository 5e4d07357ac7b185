package io.eventfold.messaging.upcast;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventfold.contracts.EventTypes;
import io.eventfold.messaging.upcast.Upcasters.Step;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class UpcastersTest {

    @Test
    void eventfolds_version_1_names_read_as_the_sealed_version_2() {
        var registered = Upcasters.EVENTFOLD.resolve("registration.person-registered.v1");
        var speaker = Upcasters.EVENTFOLD.resolve("session.speaker-assigned.v1");

        assertThat(registered.wireName()).isEqualTo("registration.person-registered.v2");
        assertThat(speaker.wireName()).isEqualTo("session.speaker-assigned.v2");
        assertThat(registered.changed()).isTrue();
        assertThat(EventTypes.classOf(registered.wireName())).isPresent();
        assertThat(Upcasters.EVENTFOLD.resolve("conference.event-scheduled.v1").changed()).isFalse();
        assertThat(Upcasters.EVENTFOLD.olderNamesOf(io.eventfold.contracts.PersonalEvent.class)).containsExactly(
                "registration.person-registered.v1", "session.speaker-assigned.v1");
    }

    @Test
    void steps_chain_from_the_oldest_version_to_the_current_one() {
        var chain = new Upcasters(Set.of("a.thing.v3"), List.of(
                new Step("a.thing.v1", "a.thing.v2", json -> (new String(json, UTF_8) + "+2").getBytes(UTF_8)),
                new Step("a.thing.v2", "a.thing.v3", json -> (new String(json, UTF_8) + "+3").getBytes(UTF_8))));

        var upcast = chain.resolve("a.thing.v1");

        assertThat(upcast.wireName()).isEqualTo("a.thing.v3");
        assertThat(new String(upcast.body().apply("v1".getBytes(UTF_8)), UTF_8)).isEqualTo("v1+2+3");
        assertThat(new String(chain.resolve("a.thing.v2").body().apply("v2".getBytes(UTF_8)), UTF_8))
                .isEqualTo("v2+3");
    }

    @Test
    void unknown_versions_are_refused_saying_why() {
        assertThatThrownBy(() -> Upcasters.EVENTFOLD.resolve("registration.person-registered.v3"))
                .isInstanceOf(UnknownEventVersionException.class)
                .hasMessage("Unknown event type registration.person-registered.v3: written by a newer EventFold:"
                        + " this one reads up to registration.person-registered.v2");
        assertThatThrownBy(() -> Upcasters.EVENTFOLD.resolve("registration.person-registered.v0"))
                .hasMessageEndingWith("no upcaster leads from it to registration.person-registered.v2");
        assertThatThrownBy(() -> Upcasters.EVENTFOLD.resolve("registration.no-such-thing.v1"))
                .hasMessage("Unknown event type registration.no-such-thing.v1: no such event");
        assertThat(Upcasters.EVENTFOLD.knows("session.speaker-assigned.v1")).isTrue();
        assertThat(Upcasters.EVENTFOLD.knows("session.speaker-assigned.v9")).isFalse();
    }

    @Test
    void a_chain_that_leads_nowhere_or_twice_from_one_name_is_refused_when_built() {
        assertThatThrownBy(() -> new Upcasters(Set.of("a.thing.v3"), List.of(Step.renamed("a.thing.v1", "a.x.v2"))))
                .isInstanceOf(UnknownEventVersionException.class);
        assertThatThrownBy(() -> new Upcasters(Set.of("a.thing.v2"), List.of(
                Step.renamed("a.thing.v1", "a.thing.v2"), Step.renamed("a.thing.v1", "a.thing.v2"))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
