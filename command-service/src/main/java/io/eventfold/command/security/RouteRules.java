package io.eventfold.command.security;

import io.eventfold.security.Caller;
import io.eventfold.security.ResourceServer;
import io.eventfold.security.Role;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Which role reaches which route. Only the role is checked here: whether the conference belongs to one of the
 * caller's organizations, or a registration to the caller, is decided by the conference, which knows both.
 */
@Configuration(proxyBeanMethods = false)
class RouteRules {

    static {
        // The caller comes from the token, not from the request: not a parameter of the API's description.
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
    }

    private static final String ORGANIZER = Role.ORGANIZER.name();
    private static final String ATTENDEE = Role.ATTENDEE.name();

    @Bean
    SecurityFilterChain routes(HttpSecurity http, ResourceServer server) {
        return server.applyTo(http)
                .authorizeHttpRequests(routes -> routes
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html")
                        .permitAll()
                        .requestMatchers("/actuator/**").hasRole(Role.OPERATOR.name())
                        .requestMatchers("/admin/privacy/**").hasRole(Role.OPERATOR.name())
                        .requestMatchers(HttpMethod.POST, "/api/events/*/registrations")
                        .hasAnyRole(ORGANIZER, ATTENDEE)
                        .requestMatchers(HttpMethod.DELETE, "/api/events/*/registrations/*")
                        .hasAnyRole(ORGANIZER, ATTENDEE)
                        .requestMatchers("/api/events", "/api/events/**").hasRole(ORGANIZER)
                        // Themself or a privacy officer: decided by the controller, which knows whom.
                        .requestMatchers(HttpMethod.POST, "/api/people/*/forget").authenticated()
                        .anyRequest().denyAll())
                .build();
    }
}
