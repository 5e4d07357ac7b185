package io.eventfold.projection.engine;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Consumed positions, kept in PostgreSQL beside the rows they produced; Kafka's own offsets are not used. */
@Component
public class OffsetStore {

    private final JdbcTemplate jdbc;

    OffsetStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Map<TopicPartition, Long> load(String consumer, Collection<TopicPartition> partitions) {
        return select(consumer, partitions, "");
    }

    /**
     * Loads and locks, in partition order, so that every writer of one generation takes turns on a
     * partition, and two writers never wait for each other in opposite orders.
     */
    public Map<TopicPartition, Long> lock(String name, Collection<TopicPartition> partitions) {
        return select(name, partitions, " order by partition_no for update");
    }

    private Map<TopicPartition, Long> select(String name, Collection<TopicPartition> partitions, String suffix) {
        var offsets = new HashMap<TopicPartition, Long>();
        if (partitions.isEmpty()) {
            return offsets;
        }
        var topic = partitions.iterator().next().topic();
        jdbc.query("""
                        select partition_no, next_offset from projection_offset
                        where projection = ? and topic = ? and partition_no = any(?)""" + suffix,
                rs -> {
                    offsets.put(new TopicPartition(topic, rs.getInt(1)), rs.getLong(2));
                }, name, topic, partitions.stream().map(TopicPartition::partition).toArray(Integer[]::new));
        return offsets;
    }

    /** Moves a generation's read positions forward (never back: its writers may overlap). */
    public void advance(String name, Map<TopicPartition, Long> nextOffsets) {
        jdbc.batchUpdate("""
                insert into projection_offset (projection, topic, partition_no, next_offset, global_position)
                values (?, ?, ?, ?, 0)
                on conflict (projection, topic, partition_no) do update
                set next_offset = greatest(projection_offset.next_offset, excluded.next_offset)""",
                nextOffsets.entrySet().stream()
                        .sorted(Map.Entry.comparingByKey(Comparator.comparingInt(TopicPartition::partition)))
                        .map(e -> new Object[] {name, e.getKey().topic(), e.getKey().partition(), e.getValue()})
                        .toList());
    }

    public void delete(String name) {
        jdbc.update("delete from projection_offset where projection = ?", name);
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
                insert into projection_offset
                    (projection, topic, partition_no, next_offset, global_position, watermark)
                values (?, ?, ?, ?, ?, ?)
                on conflict (projection, topic, partition_no) do update
                set next_offset = greatest(projection_offset.next_offset, excluded.next_offset),
                    global_position = greatest(projection_offset.global_position, excluded.global_position),
                    watermark = greatest(projection_offset.watermark, excluded.watermark)""", rows);
    }
}
