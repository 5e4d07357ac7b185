package io.eventfold.projection.privacy;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code masterKey}: the key that wraps the person keys in {@code privacy.person_key} (32 bytes in base64, the
 * command side's EVENTFOLD_MASTER_KEY), or empty when they are stored unwrapped.
 */
@ConfigurationProperties("eventfold.privacy")
public record PrivacyProperties(String masterKey) {

    @Override
    public String toString() {
        return "PrivacyProperties[masterKey=" + (masterKey == null || masterKey.isBlank() ? "none" : "set") + "]";
    }
}
