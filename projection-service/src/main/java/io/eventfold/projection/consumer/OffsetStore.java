package io.eventfold.projection.consumer;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Consumed positions, kept in PostgreSQL beside the rows they produced; Kafka's own offsets are not used. */
@Component
class OffsetStore {

    private final JdbcTemplate jdbc;

    OffsetStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Map<TopicPartition, Long> load(String consumer, Collection<TopicPartition> partitions) {
        var offsets = new HashMap<TopicPartition, Long>();
        for (var partition : partitions) {
            jdbc.query("""
                            select next_offset from projection_offset
                            where projection = ? and topic = ? and partition_no = ?""",
                    rs -> {
                        offsets.put(partition, rs.getLong(1));
                    }, consumer, partition.topic(), partition.partition());
        }
        return offsets;
    }

    /** Rows for newly assigned partitions, so that readers see every partition from the start. */
    void register(String consumer, Collection<TopicPartition> partitions) {
        jdbc.batchUpdate("""
                        insert into projection_offset (projection, topic, partition_no, next_offset, global_position)
                        values (?, ?, ?, 0, 0) on conflict do nothing""",
                partitions.stream().map(p -> new Object[] {consumer, p.topic(), p.partition()}).toList());
    }

    void save(String consumer, Batch batch) {
        var rows = batch.progress().entrySet().stream()
                .sorted(Map.Entry.comparingByKey(Comparator.comparingInt(TopicPartition::partition)))
                .map(e -> new Object[] {consumer, e.getKey().topic(), e.getKey().partition(),
                        e.getValue().nextOffset(), e.getValue().lastPosition(), e.getValue().watermark()})
                .toList();
        jdbc.batchUpdate("""
                insert into projection_offset (projection, topic, partition_no, next_offset, global_position, watermark)
                values (?, ?, ?, ?, ?, ?)
                on conflict (projection, topic, partition_no) do update
                set next_offset = excluded.next_offset,
                    global_position = greatest(projection_offset.global_position, excluded.global_position),
                    watermark = greatest(projection_offset.watermark, excluded.watermark)""", rows);
    }
}
