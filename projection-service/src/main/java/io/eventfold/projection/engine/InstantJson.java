package io.eventfold.projection.engine;

import io.eventfold.messaging.IsoInstant;
import java.time.DateTimeException;
import java.time.Instant;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.ext.javatime.deser.InstantDeserializer;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.ser.std.StdSerializer;

/**
 * Instants in events and stored dashboards are read and written with {@link IsoInstant}: Jackson's own
 * (de)serializers go through {@code DateTimeFormatter}, which is costly on the projector's hot path. The text
 * is the same ISO-8601 form.
 */
@Configuration(proxyBeanMethods = false)
class InstantJson {

    @Bean
    JacksonModule fastInstants() {
        return new SimpleModule("eventfold-instants").addDeserializer(Instant.class, new Deserializer())
                .addSerializer(Instant.class, new Serializer());
    }

    static final class Serializer extends StdSerializer<Instant> {

        Serializer() {
            super(Instant.class);
        }

        @Override
        public void serialize(Instant value, JsonGenerator generator, SerializationContext context) {
            generator.writeString(IsoInstant.format(value));
        }
    }

    static final class Deserializer extends StdScalarDeserializer<Instant> {

        Deserializer() {
            super(Instant.class);
        }

        @Override
        public Instant deserialize(JsonParser parser, DeserializationContext context) {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                return InstantDeserializer.INSTANT.deserialize(parser, context);
            }
            var text = parser.getString().trim();
            try {
                return IsoInstant.parse(text);
            } catch (DateTimeException e) {
                throw context.weirdStringException(text, Instant.class, e.getMessage());
            }
        }
    }
}
