package io.eventfold.query.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventfold.infra.HttpJson;
import io.eventfold.query.QueryApiTest;
import io.eventfold.query.ReadModelRows;
import io.eventfold.testsupport.TestIssuer;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@QueryApiTest
class SearchApiIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    HttpJson api;

    @BeforeEach
    void setUp() {
        api = new HttpJson("http://localhost:" + port).withBearer(TestIssuer.organizer("acme", "globex"));
        var rows = new ReadModelRows(jdbc);
        rows.clear();
        rows.dashboard("b", "acme", "PUBLISHED", "2027-03-01", "2027-03-02", 1);
        rows.dashboard("a", "acme", "PUBLISHED", "2027-03-01", "2027-03-03", 1);
        rows.dashboard("c", "acme", "DRAFT", "2027-01-10", "2027-01-11", 1);
        rows.dashboard("d", "globex", "PUBLISHED", "2027-05-01", "2027-05-09", 1);
    }

    private List<String> ids(String query) {
        var response = api.get("/api/events/search" + query);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json().get("items").findValuesAsString("id");
    }

    @Test
    void all_events_ordered_by_start_date_then_id_with_totals() {
        var page = api.get("/api/events/search").json();

        assertThat(page.get("items").findValuesAsString("id")).containsExactly("c", "a", "b", "d");
        assertThat(page.get("total").asLong()).isEqualTo(4);
        assertThat(page.get("pages").asLong()).isEqualTo(1);
        assertThat(page.get("page").asInt()).isEqualTo(1);
        assertThat(page.get("size").asInt()).isEqualTo(20);
        var first = page.get("items").get(0);
        assertThat(first.get("organizationId").asString()).isEqualTo("acme");
        assertThat(first.get("startDate").asString()).isEqualTo("2027-01-10");
        assertThat(first.get("attendee_count").asInt()).isEqualTo(3);
        assertThat(first.get("session_count").asInt()).isEqualTo(2);
        assertThat(first.get("speaker_count").asInt()).isEqualTo(1);
    }

    @Test
    void filters_combine() {
        assertThat(ids("?status=PUBLISHED")).containsExactly("a", "b", "d");
        assertThat(ids("?org_id=acme&status=PUBLISHED")).containsExactly("a", "b");
        assertThat(ids("?dates=2027-03-01..2027-03-02")).containsExactly("b");
        assertThat(ids("?dates=2027-02-01..")).containsExactly("a", "b", "d");
        assertThat(ids("?dates=..2027-03-03")).containsExactly("c", "a", "b");
    }

    @Test
    void pages_split_the_ordered_result_and_a_page_past_the_end_is_empty_with_the_total() {
        var second = api.get("/api/events/search?size=3&page=2").json();
        var past = api.get("/api/events/search?size=3&page=9").json();

        assertThat(second.get("items").findValuesAsString("id")).containsExactly("d");
        assertThat(second.get("pages").asLong()).isEqualTo(2);
        assertThat(past.get("items")).isEmpty();
        assertThat(past.get("total").asLong()).isEqualTo(4);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "?status=OPEN|status", "?size=0|size", "?size=101|size", "?size=ten|size", "?page=0|page",
            "?dates=2027-01-01|dates", "?dates=2027-13-01..|dates", "?dates=2027-03-01..2027-02-01|dates",
            "?minPosition=-1|minPosition", "?page=501|page", "?page=101&size=100|page",
            "?page=2147483647&size=100|page"})
    void bad_parameters_are_400_naming_the_parameter(String query, String parameter) {
        var response = api.get("/api/events/search" + query);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("errors").findValuesAsString("field")).containsExactly(parameter);
    }

    @Test
    void the_last_page_within_the_first_10000_matches_is_answered_and_below_the_cap_the_total_is_exact() {
        var last = api.get("/api/events/search?page=500").json();
        var lastOfHundreds = api.get("/api/events/search?page=100&size=100").json();

        assertThat(last.get("items")).isEmpty();
        assertThat(last.get("total").asLong()).isEqualTo(4);
        assertThat(last.has("totalIsLowerBound")).isFalse();
        assertThat(lastOfHundreds.get("page").asInt()).isEqualTo(100);
    }

    @Test
    void a_page_too_deep_says_how_deep_a_search_may_go() {
        var response = api.get("/api/events/search?page=101&size=100");

        assertThat(response.json().get("detail").asString()).contains("at most 100", "10000");
    }

    @Test
    void a_search_answered_after_its_wait_is_the_same_document_as_one_answered_at_once() {
        new ReadModelRows(jdbc).watermark(0, 40);
        var query = "/api/events/search?status=PUBLISHED&size=2&page=2";

        var atOnce = api.get(query);
        var afterWait = api.get(query + "&minPosition=40");

        assertThat(afterWait.status()).isEqualTo(200);
        assertThat(afterWait.contentType()).startsWith("application/json");
        assertThat(afterWait.body()).isEqualTo(atOnce.body());
        assertThat(api.get("/api/events/stats/by-status?minPosition=40").body())
                .isEqualTo(api.get("/api/events/stats/by-status").body());
    }

    @Test
    void min_position_waits_for_every_partition_and_answers_503_when_it_is_not_reached() {
        var rows = new ReadModelRows(jdbc);
        rows.watermark(0, 40);
        rows.watermark(1, 35);

        assertThat(api.get("/api/events/search?minPosition=35").status()).isEqualTo(200);
        var behind = api.get("/api/events/search?minPosition=36");
        assertThat(behind.status()).isEqualTo(503);
        assertThat(behind.json().get("detail").asString()).contains("35", "36");
    }
}
