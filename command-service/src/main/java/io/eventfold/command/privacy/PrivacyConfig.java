package io.eventfold.command.privacy;

import io.eventfold.privacy.MasterKey;
import io.eventfold.privacy.PersonKeys;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PrivacyConfig.PrivacyProperties.class)
class PrivacyConfig {

    /** @param masterKey wraps every person key stored; empty: keys are stored unwrapped (docs/privacy.md) */
    @ConfigurationProperties("eventfold.privacy")
    record PrivacyProperties(String masterKey) {
    }

    /** A malformed master key stops the start: keys wrapped by a mistyped one would open for nobody. */
    @Bean
    PersonKeys personKeys(PrivacyProperties properties) {
        return new PersonKeys(MasterKey.of(properties.masterKey()));
    }
}
