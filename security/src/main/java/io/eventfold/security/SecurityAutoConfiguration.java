package io.eventfold.security;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Spring Boot configures the token decoder from its standard properties ({@code issuer-uri}, {@code jwk-set-uri}
 * or {@code public-key-location}, and {@code audiences}); this adds what EventFold requires of every token on top
 * of Boot's checks, the cache of validated tokens, and the {@link Caller} of each request.
 */
@AutoConfiguration(before = org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration.class)
@EnableConfigurationProperties(SecurityProperties.class)
public class SecurityAutoConfiguration {

    @Bean
    CallerTokens callerTokens(SecurityProperties properties) {
        return new CallerTokens(properties);
    }

    @Bean
    ProblemRefusals problemRefusals() {
        return new ProblemRefusals();
    }

    /** Instead of Boot's publisher: refusals only, no event per accepted token. */
    @Bean
    AuthenticationEventPublisher authenticationEventPublisher(ApplicationEventPublisher publisher) {
        return new FailureEvents(publisher);
    }

    @Bean
    ResourceServer resourceServer(CallerTokens tokens, ProblemRefusals refusals) {
        return new ResourceServer(tokens, refusals);
    }

    /**
     * No Micrometer observation per filter, authentication and authorization: on the dashboard read, the
     * hottest request, they cost more than the read itself. Requests stay observed by the server's own.
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    /** Spring Security's strict firewall, with the same rule for header values checked without a regex. */
    @Bean
    WebSecurityCustomizer strictFirewall() {
        var firewall = new StrictHttpFirewall();
        firewall.setAllowedHeaderValues(HeaderValues::allowed);
        return web -> web.httpFirewall(firewall);
    }

    /** A token without an expiry would be good forever: refused. */
    @Bean
    OAuth2TokenValidator<Jwt> expiryRequired() {
        return new JwtClaimValidator<>(JwtClaimNames.EXP, Objects::nonNull);
    }

    @Bean
    @ConditionalOnProperty("eventfold.security.issuer")
    OAuth2TokenValidator<Jwt> issuerRequired(SecurityProperties properties) {
        return new JwtIssuerValidator(properties.issuer());
    }

    @Bean
    static BeanPostProcessor cachingJwtDecoder(org.springframework.core.env.Environment environment) {
        int size = environment.getProperty("eventfold.security.token-cache-size", Integer.class, 10_000);
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                return bean instanceof JwtDecoder decoder && !(bean instanceof CachingJwtDecoder) && size > 0
                        ? new CachingJwtDecoder(decoder, size, Clock.systemUTC()) : bean;
            }
        };
    }

    @Bean
    @ConditionalOnClass(name = "org.apache.catalina.startup.Tomcat")
    WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> connectorRefusals() {
        return factory -> factory.addContextCustomizers(ConnectorRefusals.install());
    }

    @Bean
    WebMvcConfigurer callerArguments(CallerTokens tokens) {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new CallerArgument(tokens));
            }
        };
    }
}
