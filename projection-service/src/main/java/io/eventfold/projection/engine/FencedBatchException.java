package io.eventfold.projection.engine;

import org.apache.kafka.common.TopicPartition;

/**
 * A batch read from an offset that another writer has already moved past: written, it would apply events a
 * second time. Not a failure of the batch's events: the loop reads again from the stored offsets.
 */
final class FencedBatchException extends RuntimeException {

    FencedBatchException(TopicPartition partition, long readFrom, long stored) {
        super("Batch of " + partition + " read from offset " + readFrom + ", but " + stored
                + " is stored: another writer got there first");
    }
}
