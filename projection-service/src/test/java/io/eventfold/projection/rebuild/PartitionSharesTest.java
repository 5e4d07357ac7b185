package io.eventfold.projection.rebuild;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class PartitionSharesTest {

    @Test
    void partitions_of_a_skewed_topic_are_dealt_so_that_two_workers_read_about_as_much() {
        // The large bench topic: hot conferences made partitions 1 and 5 the biggest, both odd.
        var remaining = sizes(150_056, 262_099, 148_614, 105_881, 147_097, 221_983);

        var shares = PartitionShares.split(remaining, 2);

        assertThat(shares).containsExactly(partitions(1, 2, 3), partitions(0, 4, 5));
        assertThat(load(shares.get(0), remaining)).isEqualTo(516_594);
        assertThat(load(shares.get(1), remaining)).isEqualTo(519_136);
    }

    @Test
    void a_worker_beyond_the_number_of_partitions_reads_none() {
        var shares = PartitionShares.split(sizes(10, 0), 3);

        assertThat(shares).containsExactly(partitions(0), partitions(1), List.of());
    }

    @Property
    void every_partition_is_read_by_exactly_one_worker_and_no_worker_has_a_partition_more_than_another(
            @ForAll @Size(min = 1, max = 24) List<@LongRange(max = 1_000_000) Long> sizes,
            @ForAll @IntRange(min = 1, max = 6) int workers) {
        var remaining = sizes(sizes.stream().mapToLong(Long::longValue).toArray());

        var shares = PartitionShares.split(remaining, workers);

        assertThat(shares).hasSize(workers);
        assertThat(shares.stream().flatMap(List::stream)).containsExactlyInAnyOrderElementsOf(remaining.keySet());
        long largest = remaining.values().stream().mapToLong(Long::longValue).max().orElseThrow();
        var loads = shares.stream().mapToLong(share -> load(share, remaining)).summaryStatistics();
        assertThat(loads.getMax() - loads.getMin()).isLessThanOrEqualTo(largest);
        assertThat(PartitionShares.split(new HashMap<>(remaining), workers)).as("the same split every time")
                .isEqualTo(shares);
    }

    private static Map<TopicPartition, Long> sizes(long... records) {
        var sizes = new HashMap<TopicPartition, Long>();
        IntStream.range(0, records.length).forEach(p -> sizes.put(new TopicPartition("events", p), records[p]));
        return sizes;
    }

    private static List<TopicPartition> partitions(int... numbers) {
        return IntStream.of(numbers).mapToObj(p -> new TopicPartition("events", p)).toList();
    }

    private static long load(List<TopicPartition> share, Map<TopicPartition, Long> remaining) {
        return share.stream().mapToLong(remaining::get).sum();
    }
}
