package io.eventfold.command.privacy.migration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The committed v1 event store (fixtures/v1-event-store/README.md): its rows, and loading them into a store. */
final class V1StoreFixture {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final List<String> PERSONAL_V1 = List.of("registration.person-registered.v1",
            "session.speaker-assigned.v1");

    /** One row as stored by the code before sealing. */
    record Row(long globalIndex, String eventIdentifier, String aggregateIdentifier, long sequenceNumber,
               String type, String payloadType, String payloadRevision, byte[] payload, byte[] metaData,
               String timeStamp) {

        boolean personal() {
            return PERSONAL_V1.contains(payloadType);
        }

        JsonNode json() {
            return JSON.readTree(payload);
        }
    }

    static List<Row> rows() {
        try (var in = new ClassPathResource("fixtures/v1-event-store/domain_event_entry.jsonl").getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(JSON::readTree)
                    .map(V1StoreFixture::row).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Row row(JsonNode n) {
        return new Row(n.get("globalIndex").asLong(), n.get("eventIdentifier").asString(),
                n.get("aggregateIdentifier").asString(), n.get("sequenceNumber").asLong(), n.get("type").asString(),
                n.get("payloadType").asString(), n.get("payloadRevision").isNull() ? null
                : n.get("payloadRevision").asString(), n.get("payload").asString().getBytes(StandardCharsets.UTF_8),
                n.get("metaData").isNull() ? null : Base64.getDecoder().decode(n.get("metaData").asString()),
                n.get("timeStamp").asString());
    }

    /** Inserts every row as it was, and moves the position sequence past them, as if that store were upgraded. */
    static void load(JdbcClient jdbc, List<Row> rows) {
        for (var row : rows) {
            jdbc.sql("""
                    insert into domain_event_entry (global_index, event_identifier, aggregate_identifier,
                      sequence_number, type, payload_type, payload_revision, payload, meta_data, time_stamp)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(row.globalIndex(), row.eventIdentifier(), row.aggregateIdentifier(),
                            row.sequenceNumber(), row.type(), row.payloadType(), row.payloadRevision(),
                            row.payload(), row.metaData(), row.timeStamp())
                    .update();
        }
        jdbc.sql("select setval('domain_event_entry_seq', (select max(global_index) from domain_event_entry))")
                .query(Long.class).single();
    }

    /** Every personal value in the fixture, as its JSON text shows it: none may stay in a payload in clear. */
    static Set<String> personalValues(List<Row> rows) {
        var values = new LinkedHashSet<String>();
        for (var row : rows) {
            if (row.personal()) {
                var json = row.json();
                for (var field : List.of("name", "email", "bio", "company")) {
                    var value = json.get(field);
                    if (value != null && !value.isNull()) {
                        var text = JSON.writeValueAsString(value.asString());
                        values.add(text.substring(1, text.length() - 1));
                    }
                }
            }
        }
        return values;
    }
}
