package io.eventfold.projection.rebuild;

import io.eventfold.contracts.ConferenceEvent;
import io.eventfold.contracts.EventTypes;
import io.eventfold.contracts.registration.PersonRegistered;
import io.eventfold.contracts.registration.Role;
import io.eventfold.messaging.EventHeaders;
import io.eventfold.privacy.MasterKey;
import io.eventfold.privacy.PersonKeys;
import io.eventfold.projection.PrivacyFixtures;
import io.eventfold.projection.ProjectionFixtures;
import io.eventfold.projection.RunningProjector;
import io.eventfold.projection.engine.Batch;
import io.eventfold.projection.engine.BatchProjector;
import io.eventfold.projection.engine.EventDecoder;
import io.eventfold.projection.engine.Projection;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import tools.jackson.databind.json.JsonMapper;

/**
 * Measures, not asserts (issue 35): rebuilding the dashboard from the same registrations sealed and in clear,
 * alternating, in one run. Records go from memory through the rebuild's own path (decode, open, fold, write),
 * without Kafka. Run with {@code -Deventfold.bench=true -Dit.test=SealedRebuildBenchIT}; figures in
 * target/sealed-rebuild-bench.txt. Every registration is a different person: one key per event, the worst case.
 * Keys are wrapped by a master key unless {@code -Deventfold.bench.master-key=} (empty) is given.
 */
@EnabledIfSystemProperty(named = "eventfold.bench", matches = "true")
@SpringBootTest(properties = "eventfold.privacy.master-key=${eventfold.bench.master-key:"
        + "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=}")
class SealedRebuildBenchIT extends RunningProjector {

    private static final int CONFERENCES = 100;
    private static final int PER_CONFERENCE =
            Integer.getInteger("eventfold.bench.registrations", 150_000) / CONFERENCES;
    private static final int BATCH = 5000;
    private static final int ROUNDS = 4;

    @Autowired
    List<Projection> projections;
    @Autowired
    GenerationSwitch generationSwitch;
    @Autowired
    BatchProjector projector;
    @Autowired
    EventDecoder decoder;
    @Value("${spring.datasource.url}")
    String databaseUrl;
    @Value("${eventfold.privacy.master-key}")
    String masterKey;

    private record Round(String kind, long events, long nanos, long threadCpu, long processCpu, long postgresCpu) {
    }

    @Test
    void rebuild_sealed_against_clear() throws Exception {
        PrivacyFixtures.keyTables(databaseUrl);
        var keys = new PersonKeys(MasterKey.of(masterKey));
        var json = JsonMapper.builder().build();
        var clear = new ArrayList<ConsumerRecord<String, ByteBuffer>>();
        var sealed = new ArrayList<ConsumerRecord<String, ByteBuffer>>();
        try (var command = PrivacyFixtures.asCommandService(databaseUrl)) {
            for (int c = 0; c < CONFERENCES; c++) {
                var conference = "bench-" + c;
                var events = new ArrayList<ConferenceEvent>(List.of(ProjectionFixtures.scheduled(conference, "acme")));
                IntStream.range(0, PER_CONFERENCE).forEach(r -> events.add(new PersonRegistered(conference, "r" + r,
                        conference + "-u" + r, "Person " + r + " of " + conference,
                        "p" + r + "@" + conference + ".org", Role.ATTENDEE, ProjectionFixtures.T0.plusSeconds(r))));
                var made = keys.keysFor(command, conference, events.stream().skip(1)
                        .map(e -> ((PersonRegistered) e).userId()).toList());
                for (int v = 0; v < events.size(); v++) {
                    var event = events.get(v);
                    clear.add(record(json, clear.size(), v, event));
                    var key = event instanceof PersonRegistered r ? made.get(r.userId()) : null;
                    sealed.add(record(json, sealed.size(), v, key == null ? event : PrivacyFixtures.seal(event, key)));
                }
            }
        }
        var dashboard = projections.stream().filter(p -> p.name().equals("dashboard")).findFirst().orElseThrow();
        var rounds = new ArrayList<Round>();
        for (int round = 0; round <= ROUNDS; round++) {
            var clearRound = rebuild(dashboard, "clear", clear);
            var sealedRound = rebuild(dashboard, "sealed", sealed);
            if (round > 0) {
                rounds.add(clearRound);
                rounds.add(sealedRound);
            }
        }
        report(rounds);
    }

    private ConsumerRecord<String, ByteBuffer> record(JsonMapper json, long offset, long version,
                                                      ConferenceEvent event) {
        var record = new ConsumerRecord<>(topic.name(), 0, offset, event.eventId(),
                ByteBuffer.wrap(json.writeValueAsBytes(event)));
        new EventHeaders(EventTypes.wireNameOf(event.getClass()).orElseThrow(), "m" + offset, event.eventId(), version,
                offset + 1, ProjectionFixtures.T0).toKafka().forEach(record.headers()::add);
        return record;
    }

    private Round rebuild(Projection projection, String kind, List<ConsumerRecord<String, ByteBuffer>> records)
            throws Exception {
        var generation = generationSwitch.create(projection, List.of(new TopicPartition(topic.name(), 0)));
        var threads = ManagementFactory.getThreadMXBean();
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        var backends = jdbc.sql("select pid from pg_stat_activity where datname = current_database()")
                .query(Integer.class).list();
        long postgres = postgresCpu(backends);
        long process = os.getProcessCpuTime();
        long thread = threads.getCurrentThreadCpuTime();
        long started = System.nanoTime();
        for (int from = 0; from < records.size(); from += BATCH) {
            var batch = new Batch();
            records.subList(from, Math.min(records.size(), from + BATCH))
                    .forEach(r -> batch.add(r, decoder, projection::handles));
            projector.rebuild(projection, generation, batch);
        }
        var round = new Round(kind, records.size(), System.nanoTime() - started,
                threads.getCurrentThreadCpuTime() - thread, os.getProcessCpuTime() - process,
                postgresCpu(backends) - postgres);
        generationSwitch.discard(projection, generation, null);
        return round;
    }

    /** CPU of these PostgreSQL backends (this database's pool), nanoseconds, from /proc (Linux, 100 ticks/s). */
    private static long postgresCpu(List<Integer> pids) throws Exception {
        long ticks = 0;
        for (var pid : pids) {
            var stat = Path.of("/proc/" + pid + "/stat");
            if (Files.exists(stat)) {
                var fields = Files.readString(stat).substring(Files.readString(stat).lastIndexOf(')') + 2).split(" ");
                ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            }
        }
        return ticks * 10_000_000L;
    }

    private static void report(List<Round> rounds) throws Exception {
        var lines = new ArrayList<String>();
        lines.add("kind    events  events/s  ms CPU per 1,000 events: rebuild thread, test JVM, PostgreSQL backends");
        for (var r : rounds) {
            lines.add("%-6s %7d %9.0f %8.2f %8.2f %8.2f".formatted(r.kind(), r.events(), r.events() * 1e9 / r.nanos(),
                    perThousand(r.threadCpu(), r), perThousand(r.processCpu(), r), perThousand(r.postgresCpu(), r)));
        }
        for (var kind : List.of("clear", "sealed")) {
            var of = rounds.stream().filter(r -> r.kind().equals(kind)).toList();
            long events = of.stream().mapToLong(Round::events).sum();
            lines.add("%-6s total %9.0f %8.2f %8.2f %8.2f".formatted(kind,
                    events * 1e9 / of.stream().mapToLong(Round::nanos).sum(),
                    of.stream().mapToLong(Round::threadCpu).sum() / 1e3 / events,
                    of.stream().mapToLong(Round::processCpu).sum() / 1e3 / events,
                    of.stream().mapToLong(Round::postgresCpu).sum() / 1e3 / events));
        }
        lines.forEach(System.out::println);
        Files.write(Path.of("target/sealed-rebuild-bench.txt"), lines, java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.APPEND);
    }

    private static double perThousand(long nanos, Round round) {
        return nanos / 1e3 / round.events();
    }
}
