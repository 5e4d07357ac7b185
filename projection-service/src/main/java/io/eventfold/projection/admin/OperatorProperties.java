package io.eventfold.projection.admin;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** The operator credential for {@code /admin/**}; without one configured, every admin request is refused. */
@ConfigurationProperties("eventfold.operator")
public record OperatorProperties(String token) {
}
