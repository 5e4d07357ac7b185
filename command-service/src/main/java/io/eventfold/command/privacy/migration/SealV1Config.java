package io.eventfold.command.privacy.migration;

import io.eventfold.command.conference.People;
import io.eventfold.contracts.EventTypes;
import io.eventfold.contracts.person.PersonForgotten;
import io.eventfold.messaging.upcast.Upcasters;
import io.eventfold.privacy.PersonKeys;
import java.time.Clock;
import javax.sql.DataSource;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SealV1Properties.class)
class SealV1Config {

    static final String FORGOTTEN = EventTypes.wireNameOf(PersonForgotten.class).orElseThrow();

    /** The event store's own serializer: a rewritten event holds the bytes a new one of its shape would. */
    @Bean
    SealV1Migration sealV1Migration(DataSource dataSource, PersonKeys keys,
                                    @Qualifier("eventSerializer") Serializer serializer, SealV1Properties properties,
                                    People people, Clock clock) {
        return new SealV1Migration(dataSource, keys, new Resealing(serializer, Upcasters.EVENTFOLD),
                properties.pageSize(), people, clock);
    }
}
