package io.eventfold.projection.rebuild;

import io.eventfold.messaging.TopicProperties;
import io.eventfold.projection.engine.BatchProjector;
import io.eventfold.projection.engine.EventDecoder;
import io.eventfold.projection.engine.Generation;
import io.eventfold.projection.engine.OffsetStore;
import io.eventfold.projection.engine.Projection;
import java.nio.ByteBuffer;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.stereotype.Component;

/** Starts rebuild runs, each reading the topic with its own consumers and writing through the engine. */
@Component
class RebuildRuns {

    private final ConsumerFactory<String, ByteBuffer> consumers;
    private final EventDecoder decoder;
    private final BatchProjector projector;
    private final OffsetStore offsets;
    private final RebuildProperties properties;
    private final String topic;

    RebuildRuns(ConsumerFactory<String, ByteBuffer> consumers, EventDecoder decoder, BatchProjector projector,
                OffsetStore offsets, RebuildProperties properties, TopicProperties topic) {
        this.consumers = consumers;
        this.decoder = decoder;
        this.projector = projector;
        this.offsets = offsets;
        this.properties = properties;
        this.topic = topic.name();
    }

    RebuildRun start(Projection projection, Generation generation, RebuildRun.Handover handover) {
        var run = new RebuildRun(projection, generation, handover, consumers, decoder, projector, offsets,
                properties, topic);
        run.start();
        return run;
    }
}
