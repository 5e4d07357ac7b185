package io.eventfold.projection.consumer;

import io.eventfold.messaging.TopicProperties;
import java.nio.ByteBuffer;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.stereotype.Component;

/** Starts rebuild runs, and holds what every run reads with and writes through. */
@Component
public final class RebuildParts {

    private final ConsumerFactory<String, ByteBuffer> consumers;
    private final EventDecoder decoder;
    private final BatchProjector projector;
    private final OffsetStore offsets;
    private final RebuildProperties properties;
    private final String topic;

    RebuildParts(ConsumerFactory<String, ByteBuffer> consumers, EventDecoder decoder, BatchProjector projector,
                 OffsetStore offsets, RebuildProperties properties, TopicProperties topic) {
        this.consumers = consumers;
        this.decoder = decoder;
        this.projector = projector;
        this.offsets = offsets;
        this.properties = properties;
        this.topic = topic.name();
    }

    public RebuildRun start(Projection projection, Generation generation, RebuildRun.Handover handover) {
        var run = new RebuildRun(projection, generation, this, handover);
        run.start();
        return run;
    }

    ConsumerFactory<String, ByteBuffer> consumers() {
        return consumers;
    }

    EventDecoder decoder() {
        return decoder;
    }

    BatchProjector projector() {
        return projector;
    }

    OffsetStore offsets() {
        return offsets;
    }

    RebuildProperties properties() {
        return properties;
    }

    String topic() {
        return topic;
    }
}
