package io.eventfold.query.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PersonalDataTest {

    private static final String STORED = """
            {"event":{"id":"c1","organizationId":"acme","name":"Conf","status":"PUBLISHED"},"sessions":[{"id":"s1",\
            "speakers":[{"userId":"sp-1","name":"Grace","bio":"Bio","company":"Co"}]}],"stats":{"attendee_count":2},\
            "recent_registrations":[{"registrationId":"r2","userId":"u2","name":"Ada","email":"ada@example.com",\
            "role":"SPEAKER","registeredAt":"2027-01-02T10:00:00Z"},{"registrationId":"r1","userId":"u1",\
            "name":"Bob","email":"bob@example.com","role":"ATTENDEE","registeredAt":"2027-01-01T10:00:00Z"}],\
            "version":12}""";

    @Test
    void each_registration_keeps_its_id_role_and_time_and_everything_else_stays_as_written() {
        assertThat(text(PersonalData.removedFrom(bytes(STORED)))).isEqualTo("""
                {"event":{"id":"c1","organizationId":"acme","name":"Conf","status":"PUBLISHED"},"sessions":[{"id":"s1",\
                "speakers":[{"userId":"sp-1","name":"Grace","bio":"Bio","company":"Co"}]}],\
                "stats":{"attendee_count":2},"recent_registrations":[{"registrationId":"r2","role":"SPEAKER",\
                "registeredAt":"2027-01-02T10:00:00Z"},{"registrationId":"r1","role":"ATTENDEE",\
                "registeredAt":"2027-01-01T10:00:00Z"}],"version":12}""");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"event\":{\"id\":\"c1\"},\"recent_registrations\":[],\"version\":1}",
            "{\"event\":{\"id\":\"c1\"},\"version\":1}"})
    void a_document_without_registrations_is_unchanged(String document) {
        assertThat(text(PersonalData.removedFrom(bytes(document)))).isEqualTo(document);
    }

    @Test
    void the_form_without_personal_data_has_its_own_tags_and_keeps_the_encoding_asked_for() {
        var stored = new DashboardRows.Row(12, "\"12-ab\"", "acme", "PUBLISHED", true, true,
                PersonalData.gzip(bytes(STORED)));
        var text = new DashboardRows.Row(12, "\"12-ab\"", "acme", "PUBLISHED", true, false, bytes(STORED));

        var zipped = stored.withoutPersonalData();
        var plain = text.withoutPersonalData();

        assertThat(Set.of(stored.tag(), text.tag(), zipped.tag(), plain.tag()))
                .containsExactlyInAnyOrder("\"12-ab-gzip\"", "\"12-ab\"", "\"12-ab-public-gzip\"", "\"12-ab-public\"");
        assertThat(text(PersonalData.inflate(zipped.body()))).isEqualTo(text(plain.body()))
                .doesNotContain("@", "Ada", "u1").contains("Grace");
        assertThat(zipped.etag()).as("checked against the stored tag").isEqualTo(stored.etag());
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
