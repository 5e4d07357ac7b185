package io.eventfold.query.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/** The refresher is left to the test (an hour between its own runs), so that what the cache holds is known. */
@TestPropertySource(properties = "eventfold.query.dashboard-cache.refresh-interval=1h")
class DashboardCacheIT extends DashboardTestBase {

    @Test
    void a_dashboard_read_again_comes_from_memory_until_the_refresher_sees_its_tag_change() {
        rows.dashboard("c1", "acme", "DRAFT", "2027-01-01", "2027-01-02", 7);
        double hitsBefore = cacheGets("hit");
        assertThat(version("/api/events/c1/dashboard")).isEqualTo(7);

        rows.dashboard("c1", "acme", "PUBLISHED", "2027-01-01", "2027-01-02", 8);
        long beforeRefresh = version("/api/events/c1/dashboard");
        cache.refresh();
        long afterRefresh = version("/api/events/c1/dashboard");

        assertThat(beforeRefresh).isEqualTo(7);
        assertThat(cacheGets("hit")).isEqualTo(hitsBefore + 1);
        assertThat(afterRefresh).isEqualTo(8);
    }

    @Test
    void a_read_asking_for_a_newer_version_than_cached_gets_it_and_later_reads_never_go_back() {
        rows.dashboard("c1", "acme", "DRAFT", "2027-01-01", "2027-01-02", 7);
        version("/api/events/c1/dashboard");
        rows.dashboard("c1", "acme", "PUBLISHED", "2027-01-01", "2027-01-02", 8);

        long asked = version("/api/events/c1/dashboard?minVersion=8");
        long after = version("/api/events/c1/dashboard");

        assertThat(asked).isEqualTo(8);
        assertThat(after).isEqualTo(8);
    }

    @Test
    void a_dashboard_gone_from_the_database_is_gone_after_the_next_refresh() {
        rows.dashboard("c1", "acme", "DRAFT", "2027-01-01", "2027-01-02", 7);
        version("/api/events/c1/dashboard");
        rows.clear();

        cache.refresh();

        assertThat(api.get("/api/events/c1/dashboard").status()).isEqualTo(404);
    }

    @Test
    void a_cache_that_cannot_be_checked_is_dropped_and_reads_go_to_the_database() {
        rows.dashboard("c1", "acme", "DRAFT", "2027-01-01", "2027-01-02", 7);
        version("/api/events/c1/dashboard");
        rows.dashboard("c1", "acme", "PUBLISHED", "2027-01-01", "2027-01-02", 8);

        // The check reads the tags: without that column (for a moment) it fails.
        jdbc.sql("alter view dashboard rename column etag to etag_hidden").update();
        try {
            cache.refresh();
        } finally {
            jdbc.sql("alter view dashboard rename column etag_hidden to etag").update();
        }

        assertThat(version("/api/events/c1/dashboard")).isEqualTo(8);
    }

    private long version(String path) {
        var response = api.get(path);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json().get("version").asLong();
    }

    private double cacheGets(String result) {
        var series = Pattern.compile("cache_gets_total\\{[^}]*cache=\"dashboards\"[^}]*result=\"" + result
                + "\"[^}]*} (\\S+)");
        var matcher = series.matcher(operator.get("/actuator/prometheus").body());
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
    }
}
