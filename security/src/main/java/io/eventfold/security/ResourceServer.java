package io.eventfold.security;

import jakarta.servlet.Filter;
import java.util.List;
import java.util.Set;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.server.resource.web.OAuth2ProtectedResourceMetadataFilter;
import org.springframework.security.web.DefaultSecurityFilterChain;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFilter;
import org.springframework.security.web.context.request.async.WebAsyncManagerIntegrationFilter;

/**
 * What every service's filter chain has in common: a stateless JWT resource server (no session, no cookie, so
 * no CSRF to guard against), refusals as problem+json. Each service then says which role reaches which route.
 */
public final class ResourceServer {

    /**
     * Filters Spring Security adds to every resource server that never act on a bearer read: the servlet async
     * integration (reads are not async), the DPoP scheme's authentication (only {@code Bearer} is accepted; a
     * DPoP-bound token sent as a bearer is still refused by the bearer filter) and the protected-resource
     * metadata document (served at a path outside any read route).
     */
    private static final Set<Class<?>> NOT_FOR_READS = Set.of(WebAsyncManagerIntegrationFilter.class,
            AuthenticationFilter.class, OAuth2ProtectedResourceMetadataFilter.class);

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

    /**
     * A chain for a service's hottest reads ({@code http} already limited to them by its security matcher): the
     * same firewall, token checks, refusals and security headers as {@link #applyTo}, the routes' rules, and
     * nothing a stateless bearer read never uses. Each filter left out is work, and code for the JIT to compile,
     * on every request: no session management, anonymous caller, servlet API wrapper or security context filter
     * (the token filter sets the context, and the chain clears it after each request).
     */
    public SecurityFilterChain readChain(HttpSecurity http, Customizer<AuthorizeHttpRequestsConfigurer<HttpSecurity>
            .AuthorizationManagerRequestMatcherRegistry> routes) {
        var built = applyTo(http)
                .sessionManagement(AbstractHttpConfigurer::disable)
                .anonymous(AbstractHttpConfigurer::disable)
                .servletApi(AbstractHttpConfigurer::disable)
                .securityContext(AbstractHttpConfigurer::disable)
                .authorizeHttpRequests(routes)
                .build();
        List<Filter> kept = built.getFilters().stream()
                .filter(filter -> !NOT_FOR_READS.contains(filter.getClass())).toList();
        return new DefaultSecurityFilterChain(((DefaultSecurityFilterChain) built).getRequestMatcher(), kept);
    }
}
