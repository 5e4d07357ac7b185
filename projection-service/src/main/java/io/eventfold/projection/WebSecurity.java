package io.eventfold.projection;

import io.eventfold.security.ResourceServer;
import io.eventfold.security.Role;
import jakarta.servlet.DispatcherType;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who reaches what (issue 33): the admin API and every actuator endpoint but health are for operators; health
 * stays open for probes; nothing else is served. Paths are matched as Spring MVC routes them (decoded), and
 * the firewall rejects the ambiguous spellings, so {@code /%61dmin/…} is {@code /admin/…} here too. Without a
 * web server (tests of the projector alone) there is nothing to guard.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class WebSecurity {

    @Bean
    SecurityFilterChain routes(HttpSecurity http, ResourceServer server) throws Exception {
        return server.applyTo(http)
                .authorizeHttpRequests(routes -> routes
                        // Rendering the error of a request that was let in: denying it would turn a 500 into a 403.
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/admin/**", "/actuator/**").hasRole(Role.OPERATOR.name())
                        .anyRequest().denyAll())
                .build();
    }
}
