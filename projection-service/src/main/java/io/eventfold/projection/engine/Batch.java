package io.eventfold.projection.engine;

import io.eventfold.messaging.EventHeaders;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

/** What one transaction applies: the events, and how far each partition was read (watermarks included). */
public final class Batch {

    private final List<EventEnvelope> events = new ArrayList<>();
    private final Map<TopicPartition, PartitionProgress> progress = new HashMap<>();
    private final long startedAt = System.nanoTime();
    private int records;

    record PartitionProgress(long firstOffset, long nextOffset, long lastPosition, long watermark) {

        PartitionProgress merge(PartitionProgress later) {
            return new PartitionProgress(Math.min(firstOffset, later.firstOffset),
                    Math.max(nextOffset, later.nextOffset), Math.max(lastPosition, later.lastPosition),
                    Math.max(watermark, later.watermark));
        }
    }

    /** A record of the topic: an event, or a relay watermark that only moves the partition's progress. */
    void add(ConsumerRecord<String, ByteBuffer> record, EventDecoder decoder) {
        add(record, decoder, null);
    }

    /**
     * Records of types not {@code wanted} only move the progress too: nobody here would read them. No filter
     * ({@code null}) spares reading the type twice.
     */
    public void add(ConsumerRecord<String, ByteBuffer> record, EventDecoder decoder, Predicate<String> wanted) {
        var partition = new TopicPartition(record.topic(), record.partition());
        OptionalLong watermark;
        try {
            watermark = record.value() == null ? EventHeaders.watermarkOf(record.headers()) : OptionalLong.empty();
        } catch (IllegalArgumentException malformed) {
            // A watermark only tells how far the relay got; a malformed one tells nothing, and must not stop us.
            advance(partition, new PartitionProgress(record.offset(), record.offset() + 1, 0, 0));
            return;
        }
        if (watermark.isPresent()) {
            addWatermark(partition, record.offset(), watermark.getAsLong());
            return;
        }
        var type = wanted == null ? Optional.<String>empty() : EventHeaders.typeOf(record.headers());
        if (type.isPresent() && !wanted.test(type.get())) {
            advance(partition, new PartitionProgress(record.offset(), record.offset() + 1,
                    EventHeaders.positionOf(record.headers()).orElse(0), 0));
        } else {
            addEvent(decoder.decode(record));
        }
    }

    void addEvent(EventEnvelope event) {
        events.add(event);
        advance(new TopicPartition(event.topic(), event.partition()),
                new PartitionProgress(event.offset(), event.offset() + 1, event.globalPosition(), 0));
    }

    void addWatermark(TopicPartition partition, long offset, long watermark) {
        advance(partition, new PartitionProgress(offset, offset + 1, 0, watermark));
    }

    private void advance(TopicPartition partition, PartitionProgress next) {
        records++;
        progress.merge(partition, next, PartitionProgress::merge);
    }

    /** Opens the batch's sealed events, in place: a batch written again (narrowed) does not ask for keys again. */
    void open(Unsealing unsealing) {
        var opened = unsealing.open(events);
        if (opened != events) {
            events.clear();
            events.addAll(opened);
        }
    }

    List<EventEnvelope> events() {
        return events;
    }

    /** The events at or after the given offset of their partition; none of a partition not in the map. */
    List<EventEnvelope> eventsFrom(Map<TopicPartition, Long> offsets) {
        return events.stream().filter(e -> {
            var from = offsets.get(new TopicPartition(e.topic(), e.partition()));
            return from != null && e.offset() >= from;
        }).toList();
    }

    Map<TopicPartition, Long> nextOffsets() {
        var next = new HashMap<TopicPartition, Long>();
        progress.forEach((partition, p) -> next.put(partition, p.nextOffset()));
        return next;
    }

    Map<TopicPartition, PartitionProgress> progress() {
        return progress;
    }

    public boolean isEmpty() {
        return records == 0;
    }

    int size() {
        return records;
    }

    long ageNanos() {
        return System.nanoTime() - startedAt;
    }
}
