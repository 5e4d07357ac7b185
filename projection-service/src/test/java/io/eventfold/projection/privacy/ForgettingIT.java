package io.eventfold.projection.privacy;

import static io.eventfold.projection.ProjectionFixtures.scheduled;
import static io.eventfold.projection.ProjectionFixtures.sessionAdded;
import static io.eventfold.projection.ProjectionFixtures.statusChanged;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.eventfold.contracts.ConferenceEvent;
import io.eventfold.contracts.PersonalEvent;
import io.eventfold.contracts.Sealed;
import io.eventfold.contracts.conference.ConferenceStatus;
import io.eventfold.contracts.person.PersonForgotten;
import io.eventfold.contracts.registration.PersonRegistered;
import io.eventfold.contracts.registration.RegistrationCancelled;
import io.eventfold.contracts.registration.Role;
import io.eventfold.contracts.session.SpeakerAssigned;
import io.eventfold.privacy.MasterKey;
import io.eventfold.privacy.PersonKeys;
import io.eventfold.projection.OperatorClient;
import io.eventfold.projection.PrivacyFixtures;
import io.eventfold.projection.ProjectionFixtures;
import io.eventfold.projection.RunningProjector;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Sealed events through the running projector: opened with their people's keys; once a person is forgotten
 * (key deleted, PersonForgotten sent) every dashboard row shows the marker, a rebuild from offset 0 gives the
 * same rows, and neither the dead letters nor the log hold their data. Keys are wrapped by a master key, as
 * in production.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "eventfold.privacy.master-key=" + ForgettingIT.MASTER_KEY)
@ExtendWith(OutputCaptureExtension.class)
class ForgettingIT extends RunningProjector {

    static final String MASTER_KEY = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final String F = PersonalEvent.FORGOTTEN;

    @LocalServerPort
    int port;
    @Value("${spring.datasource.url}")
    String databaseUrl;
    private final PersonKeys keys = new PersonKeys(MasterKey.of(MASTER_KEY));
    private final String tag = UUID.randomUUID().toString().substring(0, 8);
    private final String conference = "forget-" + tag;

    @BeforeEach
    void keyTables() {
        PrivacyFixtures.keyTables(databaseUrl);
    }

    private String name(String user) {
        return "Name " + user + " " + tag;
    }

    private PersonRegistered registered(String registrationId, String user, int minute) {
        return new PersonRegistered(conference, registrationId, user, name(user), user + "." + tag + "@forget.example",
                Role.ATTENDEE, ProjectionFixtures.T0.plusSeconds(60L * minute));
    }

    /** Sends each event sealed with its person's key, as the relay does. */
    private void sendSealed(List<ConferenceEvent> events) throws Exception {
        try (var command = PrivacyFixtures.asCommandService(databaseUrl)) {
            var users = events.stream().filter(PersonalEvent.class::isInstance)
                    .map(e -> ((PersonalEvent<?>) e).userId()).toList();
            var made = users.isEmpty() ? Map.<String, io.eventfold.privacy.PersonKey>of()
                    : keys.keysFor(command, conference, users);
            for (var event : events) {
                writer().send(event instanceof PersonalEvent<?> p
                        ? PrivacyFixtures.seal(event, made.get(p.userId())) : event);
            }
        }
    }

    private void awaitVersion(long version) {
        await().atMost(TIMEOUT).until(() -> jdbc.sql("select count(*) from dashboard where conference_id = ? and "
                + "version = ?").param(conference).param(version).query(Integer.class).single() == 1);
    }

    private String document() {
        var gzip = jdbc.sql("select document_gzip from dashboard where conference_id = ?").param(conference)
                .query(byte[].class).single();
        return new String(ProjectionFixtures.gunzip(gzip), StandardCharsets.UTF_8);
    }

    private int liveGeneration() {
        return jdbc.sql("select generation from projection_generation where projection = 'dashboard' "
                + "and state = 'LIVE'").query(Integer.class).single();
    }

    private List<Map<String, Object>> registrationRows() {
        return jdbc.sql("select registration_id, user_id, name, email, version from dashboard_registration_g"
                + liveGeneration() + " where conference_id = ? order by registration_id").param(conference)
                .query().listOfRows();
    }

    private List<Map<String, Object>> dashboardRow() {
        return jdbc.sql("select version, etag, attendee_count, md5(document_gzip) as document from dashboard "
                + "where conference_id = ?").param(conference).query().listOfRows();
    }

    @Test
    void a_forgotten_person_leaves_every_row_and_a_rebuild_gives_the_same_rows(CapturedOutput log) throws Exception {
        sendSealed(List.of(scheduled(conference, "acme"),
                statusChanged(conference, ConferenceStatus.DRAFT, ConferenceStatus.PUBLISHED),
                sessionAdded(conference, "s1", 1),
                new SpeakerAssigned(conference, "s1", "ada", name("ada"), "Bio " + tag, "Company " + tag),
                registered("r0", "ada", 0), registered("r1", "bob", 1), registered("r2", "cyd", 2),
                registered("r3", "dan", 3), registered("r4", "eve", 4), registered("r6", "ada", 6)));
        awaitVersion(9);
        assertThat(document()).as("opened with the keys").contains(name("ada"), "ada." + tag, "Bio " + tag,
                "Company " + tag, name("bob"));
        var counts = jdbc.sql("select attendee_count from dashboard where conference_id = ?").param(conference)
                .query(Integer.class).single();

        try (var command = PrivacyFixtures.asCommandService(databaseUrl)) {
            assertThat(keys.forget(command, "ada")).isTrue();
        }
        writer().send(new PersonForgotten(conference, "ada", Instant.now()));
        awaitVersion(10);

        assertThat(document()).doesNotContain(name("ada"), "ada." + tag, "Bio " + tag, "Company " + tag)
                .contains(name("bob"), "\"name\":\"" + F + "\",\"bio\":\"" + F + "\",\"company\":\"" + F + "\"");
        assertThat(jdbc.sql("select attendee_count from dashboard where conference_id = ?").param(conference)
                .query(Integer.class).single()).isEqualTo(counts);
        assertThat(registrationRows()).filteredOn(r -> r.get("user_id").equals("ada"))
                .extracting(r -> r.get("name") + " " + r.get("email")).containsExactly(F + " " + F, F + " " + F);

        // r4 leaves the five newest, so r0 (Ada's, not listed until now) comes back from the rows as forgotten.
        writer().send(new RegistrationCancelled(conference, "r4", "eve", Role.ATTENDEE, Instant.now()));
        awaitVersion(11);
        assertThat(document()).contains("\"registrationId\":\"r0\",\"userId\":\"ada\",\"name\":\"" + F
                + "\",\"email\":\"" + F + "\"").doesNotContain(name("ada"), "ada." + tag);

        var live = dashboardRow();
        var liveRegistrations = registrationRows();
        rebuildDashboard();
        assertThat(dashboardRow()).isEqualTo(live);
        assertThat(registrationRows()).isEqualTo(liveRegistrations);

        assertThat(jdbc.sql("select count(*) from dead_letter where conference_id = ?").param(conference)
                .query(Integer.class).single()).isZero();
        assertThat(log.getAll()).as("the service's log is captured").contains("Rebuilding dashboard into generation")
                .doesNotContain(name("ada"), "ada." + tag, "Bio " + tag, "Company " + tag);
    }

    @Test
    void a_seal_that_does_not_open_is_parked_with_a_reason_that_holds_no_personal_data(CapturedOutput log)
            throws Exception {
        sendSealed(List.of(scheduled(conference, "acme")));
        PersonRegistered sealed;
        try (var command = PrivacyFixtures.asCommandService(databaseUrl)) {
            sealed = (PersonRegistered) PrivacyFixtures.seal(registered("r1", "gus", 1),
                    keys.keysFor(command, conference, List.of("gus")).get("gus"));
        }
        var bytes = Base64.getDecoder().decode(sealed.sealed().data());
        bytes[0] ^= 1;
        writer().send(sealed.withPersonalData(sealed.personalData(),
                new Sealed(sealed.sealed().key(), Base64.getEncoder().encodeToString(bytes))));

        // A letter per generation written: after the other test's rebuild, the retired one is kept and parks too.
        var reasons = jdbc.sql("select reason from dead_letter where conference_id = ? and state = 'PARKED'")
                .param(conference).query(String.class);
        await().atMost(TIMEOUT).until(() -> !reasons.list().isEmpty());
        assertThat(reasons.list()).allSatisfy(reason -> assertThat(reason).contains("do not open")
                .doesNotContain(name("gus"), "gus." + tag));
        assertThat(jdbc.sql("select reason || convert_from(payload, 'UTF8') from dead_letter where conference_id = ?")
                .param(conference).query(String.class).list()).allSatisfy(letter -> assertThat(letter)
                .doesNotContain(name("gus"), "gus." + tag));
        assertThat(log.getAll()).doesNotContain(name("gus"), "gus." + tag);
    }

    private void rebuildDashboard() {
        var operator = OperatorClient.operator(port);
        var started = operator.send("POST", "/admin/projections/dashboard/rebuild");
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        await().atMost(TIMEOUT).until(() -> operator.send("GET", "/admin/projections/dashboard/rebuild").json()
                .get("state").asString().equals("SWITCHED"));
    }
}
