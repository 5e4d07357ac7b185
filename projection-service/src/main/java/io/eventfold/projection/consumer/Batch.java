package io.eventfold.projection.consumer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;

/** What one transaction applies: the events, and how far each partition was read (watermarks included). */
final class Batch {

    private final List<EventEnvelope> events = new ArrayList<>();
    private final Map<TopicPartition, PartitionProgress> progress = new HashMap<>();
    private final long startedAt = System.nanoTime();
    private int records;

    record PartitionProgress(long nextOffset, long lastPosition, long watermark) {

        PartitionProgress merge(PartitionProgress later) {
            return new PartitionProgress(Math.max(nextOffset, later.nextOffset),
                    Math.max(lastPosition, later.lastPosition), Math.max(watermark, later.watermark));
        }
    }

    void addEvent(EventEnvelope event) {
        events.add(event);
        advance(new TopicPartition(event.topic(), event.partition()),
                new PartitionProgress(event.offset() + 1, event.globalPosition(), 0));
    }

    void addWatermark(TopicPartition partition, long offset, long watermark) {
        advance(partition, new PartitionProgress(offset + 1, 0, watermark));
    }

    private void advance(TopicPartition partition, PartitionProgress next) {
        records++;
        progress.merge(partition, next, PartitionProgress::merge);
    }

    List<EventEnvelope> events() {
        return events;
    }

    Map<TopicPartition, PartitionProgress> progress() {
        return progress;
    }

    boolean isEmpty() {
        return records == 0;
    }

    int size() {
        return records;
    }

    long ageNanos() {
        return System.nanoTime() - startedAt;
    }
}
