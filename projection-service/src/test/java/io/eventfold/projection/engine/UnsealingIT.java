package io.eventfold.projection.engine;

import static io.eventfold.projection.ProjectionFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.eventfold.contracts.ConferenceEvent;
import io.eventfold.contracts.PersonalEvent;
import io.eventfold.contracts.Sealed;
import io.eventfold.contracts.registration.PersonRegistered;
import io.eventfold.contracts.registration.Role;
import io.eventfold.contracts.session.SpeakerAssigned;
import io.eventfold.infra.ServiceRoles;
import io.eventfold.infra.TestInfrastructure;
import io.eventfold.privacy.MasterKey;
import io.eventfold.privacy.PersonKeys;
import io.eventfold.projection.PrivacyFixtures;
import io.eventfold.projection.ProjectionFixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/** Opening a batch's sealed events against the real key table, as projection-service's own database role. */
class UnsealingIT {

    private static String url;
    private final AtomicInteger queries = new AtomicInteger();
    private final PersonKeys keys = new PersonKeys(MasterKey.none());
    private final Unsealing unsealing = new Unsealing(new JdbcTemplate(new SimpleDriverDataSource(
            new org.postgresql.Driver(), url, ServiceRoles.PROJECTION, "")) {
        @Override
        public <T> T execute(ConnectionCallback<T> action) {
            queries.incrementAndGet();
            return super.execute(action);
        }
    }, keys);
    private final ProjectionFixtures stream = new ProjectionFixtures();

    @BeforeAll
    static void database() {
        url = TestInfrastructure.get().newDatabase();
        PrivacyFixtures.keyTables(url);
    }

    private static PersonRegistered registered(String registrationId, String userId) {
        return new PersonRegistered("c1", registrationId, userId, "Name " + userId + " " + registrationId,
                userId + "." + registrationId + "@example.org", Role.ATTENDEE, T0);
    }

    @Test
    void a_batch_opens_with_one_key_query_the_forgotten_read_as_forgotten_and_a_bad_seal_is_refused()
            throws Exception {
        var clear = new ArrayList<ConferenceEvent>();
        for (int i = 0; i < 30; i++) {
            clear.add(registered("r" + i, List.of("ada", "bob", "cyd").get(i % 3)));
        }
        clear.add(new SpeakerAssigned("c1", "s1", "ada", "Ada", "Bio of Ada", null));
        clear.add(ProjectionFixtures.sessionAdded("c1", "s2", 1));
        var batch = new ArrayList<EventEnvelope>();
        try (var command = PrivacyFixtures.asCommandService(url)) {
            var made = keys.keysFor(command, "c1", List.of("ada", "bob", "cyd"));
            for (var event : clear) {
                var sealed = event instanceof PersonalEvent<?> p ? PrivacyFixtures.seal(event, made.get(p.userId()))
                        : event;
                batch.add(stream.next(tampered(sealed)));
            }
            keys.forget(command, "bob");
        }

        var opened = unsealing.open(batch);

        assertThat(queries).hasValue(1);
        for (int i = 0; i < clear.size(); i++) {
            var event = opened.get(i).event();
            var user = clear.get(i) instanceof PersonalEvent<?> p ? p.userId() : "";
            if (user.equals("bob")) {
                assertThat(((PersonalEvent<?>) event).personalData()).containsOnly(PersonalEvent.FORGOTTEN);
            } else if (user.equals("cyd")) {
                assertThat(opened.get(i).isDecoded()).isFalse();
                assertThat(opened.get(i).problem()).contains("registration.person-registered.v2", "do not open")
                        .doesNotContain("cyd@", "Name cyd");
            } else {
                assertThat(event).isEqualTo(clear.get(i));
            }
        }
        assertThat(opened.get(clear.size() - 1)).isSameAs(batch.get(clear.size() - 1));
    }

    @Test
    void a_batch_without_sealed_events_asks_for_no_key() {
        var batch = List.of(stream.next(ProjectionFixtures.scheduled("c2", "acme")),
                stream.next(registered("r1", "dan")));

        assertThat(unsealing.open(batch)).isSameAs(batch);
        assertThat(queries).hasValue(0);
    }

    /** Cyd's seals with one bit flipped, as a changed stored event would be. */
    private static ConferenceEvent tampered(ConferenceEvent event) {
        if (!(event instanceof PersonRegistered r) || !r.userId().equals("cyd")) {
            return event;
        }
        var bytes = java.util.Base64.getDecoder().decode(r.sealed().data());
        bytes[bytes.length - 1] ^= 1;
        return r.withPersonalData(r.personalData(), new Sealed(r.sealed().key(),
                java.util.Base64.getEncoder().encodeToString(bytes)));
    }
}
