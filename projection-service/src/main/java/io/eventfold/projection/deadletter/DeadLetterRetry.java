package io.eventfold.projection.deadletter;

import io.eventfold.messaging.EventHeaders;
import io.eventfold.projection.engine.DeadLetterStore;
import io.eventfold.projection.engine.EventConsumer;
import io.eventfold.projection.engine.EventDecoder;
import io.eventfold.projection.engine.Generation;
import io.eventfold.projection.engine.Narrowing;
import io.eventfold.projection.engine.Parking;
import io.eventfold.projection.engine.Projection;
import io.eventfold.projection.engine.Unsealing;
import java.nio.ByteBuffer;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.SavepointManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Retries and skips of dead letters. A retry re-applies, in the order of their versions (so that an event that
 * arrived early follows the one it waited for), all parked events of one conference for one projection; those
 * that now succeed are marked APPLIED, the rest stay parked. It runs on the consumer's own thread, between
 * batches, so it never races the live stream.
 */
@Component
public class DeadLetterRetry {

    private final JdbcTemplate jdbc;
    private final EventDecoder decoder;
    private final List<Projection> projections;
    private final DeadLetterStore deadLetters;
    private final TransactionTemplate transaction;
    private final EventConsumer consumer;
    private final Unsealing unsealing;

    DeadLetterRetry(JdbcTemplate jdbc, EventDecoder decoder, Unsealing unsealing, List<Projection> projections,
                    DeadLetterStore deadLetters, TransactionTemplate transaction, EventConsumer consumer) {
        this.jdbc = jdbc;
        this.decoder = decoder;
        this.unsealing = unsealing;
        this.projections = projections;
        this.deadLetters = deadLetters;
        this.transaction = transaction;
        this.consumer = consumer;
    }

    public record Outcome(int applied, int stillParked) {
    }

    private record Parked(long id, ConsumerRecord<String, ByteBuffer> record) {
    }

    private record Owner(Generation generation, String conference) {
    }

    /** Retries the conference of dead letter {@code id}; empty when there is no such parked letter. */
    public Optional<Outcome> retry(long id) throws Exception {
        return consumer.runBetweenBatches(() -> transaction.execute(status -> retryInTransaction(id, status)))
                .get(30, TimeUnit.SECONDS);
    }

    /** Marks one parked dead letter as skipped: it will never be applied. */
    public boolean skip(long id) {
        return jdbc.update("update dead_letter set state = 'SKIPPED' where id = ? and state = 'PARKED'", id) == 1;
    }

    private Optional<Outcome> retryInTransaction(long id, SavepointManager savepoints) {
        var owner = jdbc.query("select projection, generation, conference_id from dead_letter "
                        + "where id = ? and state = 'PARKED'",
                (rs, n) -> new Owner(new Generation(rs.getString(1), rs.getInt(2)), rs.getString(3)), id)
                .stream().findFirst();
        if (owner.isEmpty()) {
            return Optional.empty();
        }
        var generation = owner.get().generation();
        var conference = owner.get().conference();
        var projection = projections.stream().filter(p -> p.name().equals(generation.projection())).findFirst()
                .orElseThrow(() -> new IllegalStateException("No projection " + generation.projection()));
        var parked = jdbc.query("""
                        select id, topic, partition_no, record_offset, payload, event_type, message_id,
                               aggregate_version, global_position, event_time
                        from dead_letter
                        where projection = ? and generation = ? and conference_id = ? and state = 'PARKED'
                        order by aggregate_version nulls last, partition_no, record_offset for update""",
                (rs, n) -> new Parked(rs.getLong(1), record(rs.getString(2), rs.getInt(3), rs.getLong(4),
                        conference, wrap(rs.getBytes(5)), headers(rs.getString(6), rs.getString(7), conference,
                                (Long) rs.getObject(8), (Long) rs.getObject(9), rs.getTimestamp(10)))),
                generation.projection(), generation.number(), conference);
        var parking = new Parking(generation, Set.of());
        // Narrowed, so that an event the database still refuses stays parked with the refusal as its reason.
        var events = unsealing.open(parked.stream().map(p -> decoder.decode(p.record())).toList());
        Narrowing.apply(projection, generation, events, parking, savepoints);
        var stillParked = new HashSet<Long>();
        parking.parked().forEach(p -> stillParked.add(p.envelope().offset()));
        var applied = new ArrayList<Object[]>();
        parked.stream().filter(p -> !stillParked.contains(p.record().offset()))
                .forEach(p -> applied.add(new Object[] {p.id()}));
        jdbc.batchUpdate("update dead_letter set state = 'APPLIED' where id = ?", applied);
        deadLetters.save(parking.parked());
        return Optional.of(new Outcome(applied.size(), stillParked.size()));
    }

    private static ConsumerRecord<String, ByteBuffer> record(String topic, int partition, long offset, String key,
                                                             ByteBuffer value, RecordHeaders headers) {
        return new ConsumerRecord<>(topic, partition, offset, 0L, TimestampType.CREATE_TIME, -1, -1, key, value,
                headers, Optional.empty());
    }

    private static ByteBuffer wrap(byte[] payload) {
        return payload == null ? null : ByteBuffer.wrap(payload);
    }

    private static RecordHeaders headers(String type, String messageId, String conference, Long version,
                                         Long position, Timestamp at) {
        if (type == null || messageId == null || version == null || position == null || at == null) {
            return new RecordHeaders();
        }
        var headers = new RecordHeaders();
        new EventHeaders(type, messageId, conference, version, position, at.toInstant()).toKafka()
                .forEach(headers::add);
        return headers;
    }
}
