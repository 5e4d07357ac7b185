package io.eventfold.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;

/**
 * What every service's filter chain has in common: a stateless JWT resource server (no session, no cookie, so
 * no CSRF to guard against), refusals as problem+json. Each service then says which role reaches which route.
 */
public final class ResourceServer {

    private final CallerTokens tokens;
    private final ProblemRefusals refusals;

    ResourceServer(CallerTokens tokens, ProblemRefusals refusals) {
        this.tokens = tokens;
        this.refusals = refusals;
    }

    public HttpSecurity applyTo(HttpSecurity http) {
        return http
                .csrf(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(refusals).accessDeniedHandler(refusals))
                .oauth2ResourceServer(server -> server
                        .bearerTokenResolver(new BearerTokens())
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(tokens))
                        .authenticationEntryPoint(refusals)
                        .accessDeniedHandler(refusals));
    }
}
