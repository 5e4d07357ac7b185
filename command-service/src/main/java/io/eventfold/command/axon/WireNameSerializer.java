package io.eventfold.command.axon;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.eventfold.contracts.EventTypes;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;

/**
 * Axon's Jackson serializer, but events are stored under their wire name
 * ({@code registration.person-registered.v1}) instead of their class name. Renaming or moving an event
 * class then never breaks the events already in the store or on the topic.
 */
final class WireNameSerializer extends JacksonSerializer {

    WireNameSerializer(ObjectMapper objectMapper) {
        super(JacksonSerializer.builder().objectMapper(objectMapper));
    }

    @Override
    public SerializedType typeForClass(Class type) {
        return EventTypes.wireNameOf(type)
                .<SerializedType>map(wireName -> new SimpleSerializedType(wireName, null))
                .orElseGet(() -> super.typeForClass(type));
    }

    @Override
    protected String resolveClassName(SerializedType serializedType) {
        return EventTypes.classOf(serializedType.getName())
                .map(Class::getName)
                .orElseGet(() -> super.resolveClassName(serializedType));
    }
}
