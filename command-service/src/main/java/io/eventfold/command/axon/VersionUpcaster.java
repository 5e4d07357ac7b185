package io.eventfold.command.axon;

import io.eventfold.messaging.upcast.Upcasters;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.springframework.stereotype.Component;

/**
 * EventFold's upcaster chain ({@link Upcasters}) in Axon's terms: events stored under an older wire name load
 * into aggregates, and reach the relay, as their current version. Axon finds it as a bean.
 */
@Component
class VersionUpcaster extends SingleEventUpcaster {

    private final Upcasters upcasters = Upcasters.EVENTFOLD;

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation event) {
        var name = event.getType().getName();
        return upcasters.knows(name) && upcasters.resolve(name).changed();
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation event) {
        var upcast = upcasters.resolve(event.getType().getName());
        return event.upcastPayload(new SimpleSerializedType(upcast.wireName(), null), byte[].class, upcast.body());
    }
}
