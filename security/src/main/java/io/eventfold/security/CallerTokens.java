package io.eventfold.security;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** Reads a validated token into its {@link Caller}, and gives Spring Security the roles as authorities. */
public final class CallerTokens implements Converter<Jwt, AbstractAuthenticationToken> {

    private final SecurityProperties properties;

    public CallerTokens(SecurityProperties properties) {
        this.properties = properties;
    }

    /** Unknown role names are ignored: a token with none of the roles may do nothing. */
    public Caller caller(Jwt jwt) {
        var roles = EnumSet.noneOf(Role.class);
        strings(jwt, properties.rolesClaim()).forEach(name -> Role.fromClaim(name).ifPresent(roles::add));
        var subject = jwt.getSubject();
        return new Caller(subject == null ? "" : subject, roles,
                new HashSet<>(strings(jwt, properties.organizationsClaim())));
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        var caller = caller(jwt);
        Set<GrantedAuthority> authorities = new HashSet<>();
        caller.roles().forEach(role -> authorities.add(new SimpleGrantedAuthority(role.authority())));
        return new JwtAuthenticationToken(jwt, authorities, caller.subject());
    }

    /** A claim given as a list of strings, or as one string of names separated by spaces. */
    private static List<String> strings(Jwt jwt, String claim) {
        var value = jwt.getClaims().get(claim);
        if (value instanceof String text) {
            return List.of(text.trim().split("\\s+"));
        }
        if (value instanceof List<?> list) {
            return list.stream().filter(String.class::isInstance).map(String.class::cast).toList();
        }
        return List.of();
    }
}
