package io.eventfold.projection.consumer;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Consumed positions, kept in PostgreSQL beside the rows they produced; Kafka's own offsets are not used. */
@Component
class OffsetStore {

    private final JdbcClient jdbc;

    OffsetStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Map<TopicPartition, Long> load(String consumer, Collection<TopicPartition> partitions) {
        var offsets = new HashMap<TopicPartition, Long>();
        for (var partition : partitions) {
            jdbc.sql("""
                            select next_offset from projection_offset
                            where projection = ? and topic = ? and partition_no = ?""")
                    .params(consumer, partition.topic(), partition.partition())
                    .query(Long.class).optional()
                    .ifPresent(offset -> offsets.put(partition, offset));
        }
        return offsets;
    }

    void save(String consumer, List<EventEnvelope> batch) {
        var last = new HashMap<TopicPartition, EventEnvelope>();
        batch.forEach(e -> last.merge(new TopicPartition(e.topic(), e.partition()), e,
                (a, b) -> a.offset() > b.offset() ? a : b));
        for (var entry : last.entrySet()) {
            jdbc.sql("""
                            insert into projection_offset (projection, topic, partition_no, next_offset, global_position)
                            values (?, ?, ?, ?, ?)
                            on conflict (projection, topic, partition_no) do update
                            set next_offset = excluded.next_offset, global_position = excluded.global_position""")
                    .params(consumer, entry.getKey().topic(), entry.getKey().partition(),
                            entry.getValue().offset() + 1, entry.getValue().headers().globalPosition())
                    .update();
        }
    }
}
