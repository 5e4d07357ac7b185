package io.eventfold.command.privacy.migration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param pageSize version 1 events sealed per transaction: a page is also what a killed migration redoes, and
 *                 how long it holds the checkpoint's lock
 */
@ConfigurationProperties("eventfold.privacy.seal-v1")
record SealV1Properties(@DefaultValue("500") int pageSize) {

    SealV1Properties {
        if (pageSize < 1) {
            throw new IllegalArgumentException("eventfold.privacy.seal-v1.page-size must be at least 1");
        }
    }
}
