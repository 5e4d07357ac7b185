package io.eventfold.query.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventfold.infra.HttpJson;
import io.eventfold.testsupport.TestIssuer;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

class DashboardApiIT extends DashboardTestBase {

    @Test
    void a_client_not_accepting_gzip_gets_the_stored_document_inflated_with_a_strong_etag() {
        rows.dashboard("c1", "acme", "PUBLISHED", "2027-01-01", "2027-01-02", 7);

        var response = api.send(HttpRequest.newBuilder(URI.create(api.base() + "/api/events/c1/dashboard")));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("""
                {"event":{"id":"c1","organizationId":"acme","status":"PUBLISHED"},"version":7}""");
        assertThat(response.header("ETag")).isEqualTo("\"7-test\"");
    }

    @Test
    void a_matching_if_none_match_is_answered_304_without_a_body() {
        rows.dashboard("c1", "acme", "PUBLISHED", "2027-01-01", "2027-01-02", 7);

        var unchanged = api.send(HttpRequest.newBuilder(URI.create(api.base() + "/api/events/c1/dashboard"))
                .header("If-None-Match", "\"7-test\""));
        var changed = api.send(HttpRequest.newBuilder(URI.create(api.base() + "/api/events/c1/dashboard"))
                .header("If-None-Match", "\"6-test\""));

        assertThat(unchanged.status()).isEqualTo(304);
        assertThat(unchanged.body()).isEmpty();
        assertThat(changed.status()).isEqualTo(200);
    }

    @Test
    void a_client_accepting_gzip_gets_the_stored_compressed_document_under_its_own_tag() throws Exception {
        rows.dashboard("c1", "acme", "PUBLISHED", "2027-01-01", "2027-01-02", 7);
        var http = HttpClient.newHttpClient();
        var request = HttpRequest.newBuilder(URI.create(api.base() + "/api/events/c1/dashboard"))
                .header("Accept-Encoding", "gzip, deflate, br").header("Authorization", "Bearer " + ORGANIZER);

        var response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        var unchanged = http.send(request.header("If-None-Match", "\"7-test-gzip\"").build(),
                HttpResponse.BodyHandlers.ofByteArray());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(response.headers().allValues("Vary")).anyMatch(v -> v.contains("Accept-Encoding"));
        assertThat(response.headers().firstValue("ETag")).hasValue("\"7-test-gzip\"");
        assertThat(new String(new GZIPInputStream(new ByteArrayInputStream(response.body())).readAllBytes(),
                StandardCharsets.UTF_8)).isEqualTo("""
                {"event":{"id":"c1","organizationId":"acme","status":"PUBLISHED"},"version":7}""");
        assertThat(unchanged.statusCode()).isEqualTo(304);
    }

    @Test
    void an_unknown_event_is_404_problem() {
        var response = api.get("/api/events/nope/dashboard");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @Test
    void a_wait_reached_for_a_conference_the_caller_may_not_see_still_lasts_the_whole_wait() {
        rows.dashboard("c1", "acme", "PUBLISHED", "2027-01-01", "2027-01-02", 3);
        var stranger = new HttpJson(api.base()).withBearer(TestIssuer.organizer("globex"));

        long started = System.nanoTime();
        var response = stranger.get("/api/events/c1/dashboard?minVersion=1");
        long millis = (System.nanoTime() - started) / 1_000_000;

        assertThat(response.status()).isEqualTo(503);
        assertThat(response.header("Retry-After")).isEqualTo("1");
        assertThat(response.json().get("detail").asString()).contains("c1 has not reached the version asked for");
        // As long as a wait for a conference that does not exist (eventfold.query.max-wait=400ms in tests).
        assertThat(millis).isGreaterThanOrEqualTo(390);
    }

    @Test
    void min_version_waits_for_the_projector_to_reach_it() {
        rows.dashboard("c1", "acme", "DRAFT", "2027-01-01", "2027-01-02", 1);

        var read = CompletableFuture.supplyAsync(() -> api.get("/api/events/c1/dashboard?minVersion=2"));
        sleep(150);
        rows.dashboard("c1", "acme", "PUBLISHED", "2027-01-01", "2027-01-02", 2);

        assertThat(read.join().status()).isEqualTo(200);
        assertThat(read.join().json().get("version").asLong()).isEqualTo(2);
    }

    @Test
    void min_version_not_reached_in_time_is_503_never_stale_data() {
        rows.dashboard("c1", "acme", "DRAFT", "2027-01-01", "2027-01-02", 1);

        var behind = api.get("/api/events/c1/dashboard?minVersion=5");
        var missing = api.get("/api/events/c9/dashboard?minVersion=0");

        assertThat(behind.status()).isEqualTo(503);
        assertThat(behind.contentType()).startsWith("application/problem+json");
        assertThat(behind.json().get("detail").asString()).contains("c1 has not reached the version asked for");
        assertThat(missing.status()).isEqualTo(503);
    }

    @Test
    void fast_answers_are_measured_under_the_endpoint_and_bad_parameters_still_get_a_400() {
        rows.dashboard("c1", "acme", "PUBLISHED", "2027-01-01", "2027-01-02", 7);
        double before = answeredOk();

        var fresh = api.get("/api/events/c1/dashboard?minVersion=7");
        var malformed = api.get("/api/events/c1/dashboard?minVersion=seven");
        var negative = api.get("/api/events/c1/dashboard?minVersion=-1");

        assertThat(fresh.status()).isEqualTo(200);
        assertThat(answeredOk()).isEqualTo(before + 1);
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.contentType()).startsWith("application/problem+json");
        assertThat(negative.status()).isEqualTo(400);
        assertThat(negative.json().get("errors").findValuesAsString("field")).containsExactly("minVersion");
    }

    /** How many 200s the metrics count for the dashboard endpoint. */
    private double answeredOk() {
        var series = Pattern.compile("http_server_requests_seconds_count\\{[^}]*status=\"200\"[^}]*"
                + "uri=\"/api/events/\\{eventId}/dashboard\"[^}]*} (\\S+)");
        var matcher = series.matcher(operator.get("/actuator/prometheus").body());
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
