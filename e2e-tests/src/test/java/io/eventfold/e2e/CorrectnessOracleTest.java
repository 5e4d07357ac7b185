package io.eventfold.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventfold.e2e.HistoryDriver.Step;
import io.eventfold.infra.HttpJson;
import io.eventfold.infra.TestInfrastructure;
import io.eventfold.reference.ReferenceQueries;
import io.eventfold.reference.ReferenceStore;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The correctness oracle. Random command histories over several organizations and conferences go through
 * the real pipeline (HTTP, Axon, event store, relay, Kafka, projector); every dashboard, search page and
 * count by status must then equal what the classic application computes at read time with SQL over its
 * normalized tables. Zero differences allowed.
 */
class CorrectnessOracleTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static EventFoldSystem system;
    private static HttpJson commands;
    private static HttpJson queries;
    private static ReferenceStore reference;
    private static ReferenceQueries classic;

    @BeforeContainer
    static void start() {
        system = EventFoldSystem.start();
        commands = new HttpJson(system.url(EventFoldSystem.Service.COMMAND));
        queries = new HttpJson(system.url(EventFoldSystem.Service.QUERY));
        var dataSource = new SimpleDriverDataSource(new org.postgresql.Driver(), system.databaseUrl(),
                TestInfrastructure.get().username(), "");
        reference = new ReferenceStore(dataSource);
        reference.createSchema();
        classic = new ReferenceQueries(dataSource);
    }

    @AfterContainer
    static void stop() {
        system.close();
    }

    @Provide
    Arbitrary<List<Step>> histories() {
        return Combinators.combine(Arbitraries.integers().between(0, HistoryDriver.KINDS - 1),
                        Arbitraries.integers().between(0, 2), Arbitraries.integers().between(0, 7),
                        Arbitraries.integers().between(0, 7))
                .as(Step::new).list().ofMinSize(5).ofMaxSize(45);
    }

    @Property(tries = 200)
    void every_read_equals_the_classic_computation(@ForAll("histories") List<Step> history,
                                                   @ForAll("setups") List<Integer> setup) {
        var driver = new HistoryDriver(commands, reference, "o" + UUID.randomUUID().toString().substring(0, 8));
        for (int c = 0; c < 3; c++) {
            driver.schedule(c, setup.get(c) % 3, setup.get(c) % 40, setup.get(c) % 4, 1 + setup.get(c) % 5);
        }
        history.forEach(driver::play);

        for (var entry : driver.versions().entrySet()) {
            var actual = queries.get("/api/events/" + entry.getKey() + "/dashboard?minVersion=" + entry.getValue());
            assertThat(actual.status()).as(actual.toString()).isEqualTo(200);
            var expected = tree(classic.dashboardNPlusOne(entry.getKey()).orElseThrow());
            assertThat(withoutTimestampsAndVersion(actual.json())).isEqualTo(expected);
            assertThat(tree(classic.dashboardJoined(entry.getKey()).orElseThrow())).isEqualTo(expected);
        }
        var position = driver.position();
        compareSearch(null, null, null, null, 1, 100, position);
        compareSearch("PUBLISHED", null, null, null, 1, 5, position);
        compareSearch(null, "org-" + setup.get(3) % 3, LocalDate.of(2027, 1, 5), null, 1 + setup.get(4) % 3, 2,
                position);
        compareSearch("DRAFT", "org-1", null, LocalDate.of(2027, 2, 20), 1, 3, position);
        for (var org : new String[] {null, "org-0", "org-1", "org-2"}) {
            var actual = queries.get("/api/events/stats/by-status?minPosition=" + position
                    + (org == null ? "" : "&org_id=" + org));
            assertThat(actual.json()).isEqualTo(tree(classic.countByStatus(org)));
        }
    }

    @Provide
    Arbitrary<List<Integer>> setups() {
        return Arbitraries.integers().between(0, 1000).list().ofSize(5);
    }

    private static void compareSearch(String status, String org, LocalDate from, LocalDate to, int page, int size,
                                      long position) {
        var query = new StringBuilder("/api/events/search?minPosition=" + position + "&page=" + page + "&size=" + size);
        if (status != null) {
            query.append("&status=").append(status);
        }
        if (org != null) {
            query.append("&org_id=").append(org);
        }
        if (from != null || to != null) {
            query.append("&dates=").append(from == null ? "" : from).append("..").append(to == null ? "" : to);
        }
        var actual = queries.get(query.toString());
        assertThat(actual.status()).as(actual.toString()).isEqualTo(200);
        assertThat(actual.json()).as(query.toString())
                .isEqualTo(tree(classic.search(status, org, from, to, page, size)));
    }

    /** Through text, so that numbers compare by value as in the API's answers (3 == 3L). */
    private static JsonNode tree(Object value) {
        return JSON.readTree(JSON.writeValueAsString(value));
    }

    /** The classic tables keep no timestamps: compare order and content, not the server's clock. */
    private static JsonNode withoutTimestampsAndVersion(JsonNode dashboard) {
        var copy = (ObjectNode) dashboard.deepCopy();
        copy.remove("version");
        copy.get("recent_registrations").forEach(r -> ((ObjectNode) r).remove("registeredAt"));
        return copy;
    }
}
