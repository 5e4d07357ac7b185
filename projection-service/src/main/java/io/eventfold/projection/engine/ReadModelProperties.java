package io.eventfold.projection.engine;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** {@code readerRole}: the database role query-api logs in as, or one it is a member of (ReaderGrants). */
@ConfigurationProperties("eventfold.read-model")
public record ReadModelProperties(@DefaultValue("eventfold_reader") String readerRole) {
}
