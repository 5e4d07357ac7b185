package io.eventfold.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What EventFold reads from a token beyond Spring's {@code spring.security.oauth2.resourceserver.jwt.*}.
 *
 * @param issuer             when set, every token's {@code iss} must equal it (also with a public key or a JWK
 *                           set URI, where Spring checks no issuer)
 * @param rolesClaim         the claim holding the roles, as a list of lower-case names
 * @param organizationsClaim the claim holding the organizations an organizer or reader acts for
 * @param tokenCacheSize     validated tokens kept, each until it expires, so that a repeated token is not
 *                           verified again
 */
@ConfigurationProperties("eventfold.security")
public record SecurityProperties(
        String issuer,
        @DefaultValue("roles") String rolesClaim,
        @DefaultValue("orgs") String organizationsClaim,
        @DefaultValue("10000") int tokenCacheSize) {
}
