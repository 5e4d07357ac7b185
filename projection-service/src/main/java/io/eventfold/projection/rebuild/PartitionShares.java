package io.eventfold.projection.rebuild;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;

/**
 * Which partitions each rebuild worker reads: shares of about equal work, the records left to read. Partitions
 * are keyed by conference, and a few hot conferences hold most registrations, so partitions differ in size and a
 * split by partition number leaves one worker reading alone at the end. The largest partitions are dealt out
 * first, each to the worker with the least so far: no worker ends up more than one partition's records ahead.
 */
final class PartitionShares {

    private PartitionShares() {
    }

    /** {@code remaining}: records left per partition; the same answer for the same input, whatever its order. */
    static List<List<TopicPartition>> split(Map<TopicPartition, Long> remaining, int workers) {
        var shares = new ArrayList<List<TopicPartition>>();
        var loads = new long[workers];
        for (int w = 0; w < workers; w++) {
            shares.add(new ArrayList<>());
        }
        var largestFirst = remaining.entrySet().stream()
                .sorted(Comparator.<Map.Entry<TopicPartition, Long>>comparingLong(Map.Entry::getValue).reversed()
                        .thenComparing(e -> e.getKey().topic())
                        .thenComparingInt(e -> e.getKey().partition()))
                .toList();
        for (var partition : largestFirst) {
            int least = 0;
            for (int w = 1; w < workers; w++) {
                if (loads[w] < loads[least]) {
                    least = w;
                }
            }
            shares.get(least).add(partition.getKey());
            loads[least] += partition.getValue();
        }
        shares.forEach(share -> share.sort(Comparator.comparingInt(TopicPartition::partition)));
        return shares;
    }
}
