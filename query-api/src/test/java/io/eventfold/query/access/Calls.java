package io.eventfold.query.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventfold.testsupport.TestIssuer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@link AuthorizationIT}'s requests, each with a token or none, gzip or not, its body inflated for reading. */
final class Calls {

    static final String DASHBOARD = "/api/events/";
    static final List<String> ENDPOINTS = List.of(DASHBOARD + "a-pub/dashboard", DASHBOARD + "nope/dashboard",
            "/api/events/search", "/api/events/stats/by-status");

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    record Answer(int status, HttpResponse<byte[]> response, String body) {

        String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }

        JsonNode json() {
            return JSON.readTree(body);
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    private final String base;

    Calls(String base) {
        this.base = base;
    }

    Answer get(String path, String token, boolean gzip) {
        return get(path, token, gzip, null);
    }

    Answer get(String path, String token, boolean gzip, String ifNoneMatch) {
        var request = HttpRequest.newBuilder(URI.create(base + path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (gzip) {
            request.header("Accept-Encoding", "gzip");
        }
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        try {
            var response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            var bytes = response.body();
            if (response.headers().firstValue("Content-Encoding").filter("gzip"::equals).isPresent()) {
                bytes = new GZIPInputStream(new ByteArrayInputStream(bytes)).readAllBytes();
            }
            return new Answer(response.statusCode(), response, new String(bytes, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** 404 problem, the very answer for a conference that does not exist but for the id. */
    void assertHiddenLikeUnknown(String eventId, String token, boolean gzip) {
        var hidden = get(DASHBOARD + eventId + "/dashboard", token, gzip);
        var unknown = get(DASHBOARD + "nope/dashboard", token, gzip);

        assertThat(hidden.status()).as(eventId).isEqualTo(404);
        assertThat(hidden.header("Content-Type")).isEqualTo(unknown.header("Content-Type"))
                .startsWith("application/problem+json");
        assertThat(hidden.body()).isEqualTo(unknown.body().replace("nope", eventId));
        assertThat(hidden.header("ETag")).isNull();
    }

    List<String> ids(String query, String token) {
        var answer = get("/api/events/search" + query, token, false);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        return answer.json().get("items").findValuesAsString("id");
    }

    List<Long> counts(String query, String token) {
        var answer = get("/api/events/stats/by-status" + query, token, false);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        return answer.json().findValues("count").stream().map(JsonNode::asLong).toList();
    }

    double cacheHits() {
        var series = Pattern.compile("cache_gets_total\\{[^}]*cache=\"dashboards\"[^}]*result=\"hit\"[^}]*} (\\S+)");
        var matcher = series.matcher(get("/actuator/prometheus", TestIssuer.operator(), false).body());
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
    }

    /** A dashboard as the projector writes it, with a registrant's personal data and a (public) speaker. */
    static String document(String id, String org, String status) {
        return head(id, org, status) + """
                [{"registrationId":"r-%1$s","userId":"u-%1$s","name":"Person %1$s","email":"person@%1$s.example",\
                "role":"ATTENDEE","registeredAt":"2027-01-01T10:00:00Z"}],"version":1}""".formatted(id);
    }

    /** {@link #document} as those who may not see personal data get it. */
    static String publicDocument(String id, String org, String status) {
        return head(id, org, status) + """
                [{"registrationId":"r-%s","role":"ATTENDEE","registeredAt":"2027-01-01T10:00:00Z"}],"version":1}"""
                .formatted(id);
    }

    private static String head(String id, String org, String status) {
        return """
                {"event":{"id":"%1$s","organizationId":"%2$s","name":"Conf %1$s","status":"%3$s",\
                "startDate":"2027-03-01","endDate":"2027-03-02","capacity":100},"sessions":[{"id":"s1",\
                "title":"Keynote","room":"A","startsAt":"2027-03-01T09:00:00Z","endsAt":"2027-03-01T10:00:00Z",\
                "speakers":[{"userId":"sp-1","name":"Speaker One","bio":"Bio","company":"Co"}]}],\
                "stats":{"attendee_count":1,"session_count":1,"speaker_count":1},"recent_registrations":"""
                .formatted(id, org, status);
    }

    static Path temporaryHome(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
