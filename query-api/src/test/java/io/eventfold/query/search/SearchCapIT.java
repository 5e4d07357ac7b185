package io.eventfold.query.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventfold.infra.HttpJson;
import io.eventfold.query.QueryApiTest;
import io.eventfold.query.ReadModelRows;
import io.eventfold.testsupport.TestIssuer;
import java.util.ArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Over many more matches than a search counts: the total says it is a lower bound, and the cost stays bounded. */
@QueryApiTest
class SearchCapIT {

    private static final int EVENTS = 30_000;

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void beyond_10000_matches_the_total_is_10000_and_marked_as_a_lower_bound() {
        var api = new HttpJson("http://localhost:" + port).withBearer(TestIssuer.organizer("acme"));
        new ReadModelRows(jdbc).clear();
        jdbc.sql("""
                insert into dashboard (conference_id, organization_id, name, status, start_date, end_date, capacity,
                                       attendee_count, session_count, speaker_count, version, etag, document_gzip)
                select 'bulk-' || g, 'acme', 'Conf ' || g, case when g % 4 = 0 then 'DRAFT' else 'PUBLISHED' end,
                       date '2027-01-01' + g % 700, date '2027-01-02' + g % 700, 100, 0, 0, 0, 1, '"1-bulk"',
                       '\\x1f8b'::bytea
                from generate_series(1, ?) g""").param(EVENTS).update();
        jdbc.sql("analyze dashboard_g1").update();

        var last = api.get("/api/events/search?page=100&size=100");
        var narrow = api.get("/api/events/search?dates=2027-01-01..2027-01-05&size=100").json();

        assertThat(last.status()).as(last.toString()).isEqualTo(200);
        var page = last.json();
        assertThat(page.get("items")).hasSize(100);
        assertThat(page.get("total").asLong()).isEqualTo(10_000);
        assertThat(page.get("totalIsLowerBound").asBoolean()).isTrue();
        assertThat(page.get("pages").asLong()).isEqualTo(100);
        assertThat(narrow.get("total").asLong()).isLessThan(10_000);
        assertThat(narrow.has("totalIsLowerBound")).isFalse();
        System.out.printf("Worst allowed search over %d events (%s): %s%n", EVENTS, "page=100&size=100",
                timings(api, "/api/events/search?page=100&size=100"));
        System.out.printf("Same, one status (%s): %s%n", "status=PUBLISHED",
                timings(api, "/api/events/search?page=100&size=100&status=PUBLISHED"));
        new ReadModelRows(jdbc).clear();
    }

    /** Few enough to stay within the caller's rate of searches. */
    private static String timings(HttpJson api, String path) {
        var millis = new ArrayList<Double>();
        for (int i = 0; i < 40; i++) {
            long started = System.nanoTime();
            assertThat(api.get(path).status()).isEqualTo(200);
            millis.add((System.nanoTime() - started) / (double) TimeUnit.MILLISECONDS.toNanos(1));
        }
        var sorted = millis.subList(10, millis.size()).stream().sorted().toList();
        return "p50 %.1f ms, p99 %.1f ms (30 after 10 warm-up)".formatted(sorted.get(sorted.size() / 2),
                sorted.get(sorted.size() - 1));
    }
}
