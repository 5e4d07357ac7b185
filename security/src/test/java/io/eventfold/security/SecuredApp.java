package io.eventfold.security;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationEvent;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** A service as the three configure themselves: organizers under /api, operators under /admin, health open. */
@SpringBootApplication
class SecuredApp {

    @Bean
    SecurityFilterChain routes(HttpSecurity http, ResourceServer server) {
        return server.applyTo(http)
                .authorizeHttpRequests(routes -> routes
                        .requestMatchers("/health").permitAll()
                        .requestMatchers("/admin/**").hasRole(Role.OPERATOR.name())
                        .requestMatchers("/api/**").hasRole(Role.ORGANIZER.name())
                        .anyRequest().denyAll())
                .build();
    }

    /** The authentication events the app published, whatever thread handled the request. */
    @Bean
    AuthenticationEvents authenticationEvents() {
        return new AuthenticationEvents();
    }

    static class AuthenticationEvents {

        final List<AbstractAuthenticationEvent> published = new CopyOnWriteArrayList<>();

        @EventListener
        void on(AbstractAuthenticationEvent event) {
            published.add(event);
        }
    }

    @RestController
    static class Routes {

        @GetMapping("/health")
        Map<String, String> health() {
            return Map.of("status", "UP");
        }

        @GetMapping("/api/orgs/{org}")
        Map<String, Object> org(@PathVariable String org, Caller caller) {
            return Map.of("subject", caller.subject(), "organizes", caller.organizes(org));
        }

        @GetMapping("/admin/things")
        Map<String, String> admin(Caller caller) {
            return Map.of("operator", caller.subject());
        }
    }
}
