package io.eventfold.projection.privacy;

import io.eventfold.privacy.MasterKey;
import io.eventfold.privacy.PersonKeys;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The person keys the engine opens sealed events with. A malformed master key stops the start, rather than every
 * batch that holds a sealed event failing later.
 */
@Configuration
@EnableConfigurationProperties(PrivacyProperties.class)
class PrivacyConfig {

    @Bean
    PersonKeys personKeys(PrivacyProperties properties) {
        return new PersonKeys(MasterKey.of(properties.masterKey()));
    }
}
