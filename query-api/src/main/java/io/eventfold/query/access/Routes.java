package io.eventfold.query.access;

import io.eventfold.security.ResourceServer;
import io.eventfold.security.Role;
import jakarta.servlet.DispatcherType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * Which role reaches which route (notes/auth-roles.md); what each role then sees of a conference is decided
 * where the rows are read. Health and the OpenAPI description are open, the rest of actuator is for operators,
 * counts are not for attendees, and whatever is not listed here is refused.
 */
@Configuration(proxyBeanMethods = false)
class Routes {

    private static final String ORGANIZER = Role.ORGANIZER.name();
    private static final String ATTENDEE = Role.ATTENDEE.name();
    private static final String READER = Role.READER.name();
    static final String READS = "/api/events/**";

    /**
     * The reads (dashboards, search, counts), by far the most requested routes, through the lean chain: the same
     * rules as below, with less work around each token (docs/benchmarks.md).
     */
    @Bean
    @Order(1)
    SecurityFilterChain queryApiReads(HttpSecurity http, ResourceServer server) {
        http.securityMatcher(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.GET, READS));
        return server.readChain(http, routes -> routes
                .requestMatchers("/api/events/stats/**").hasAnyRole(ORGANIZER, READER)
                .anyRequest().hasAnyRole(ORGANIZER, ATTENDEE, READER));
    }

    @Bean
    @Order(2)
    SecurityFilterChain queryApiRoutes(HttpSecurity http, ResourceServer server) {
        return server.applyTo(http)
                .authorizeHttpRequests(routes -> routes
                        // Renders the failure of a request that was already let in or refused, never data.
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers(HttpMethod.GET, "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui/**",
                                "/swagger-ui.html").permitAll()
                        .requestMatchers("/actuator/**").hasRole(Role.OPERATOR.name())
                        .requestMatchers(HttpMethod.GET, "/api/events/stats/**").hasAnyRole(ORGANIZER, READER)
                        .requestMatchers(HttpMethod.GET, READS).hasAnyRole(ORGANIZER, ATTENDEE, READER)
                        .anyRequest().denyAll())
                .build();
    }
}
