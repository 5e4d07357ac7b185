package io.eventfold.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;

class BearerTokensTest {

    /** Spring Security's own pattern, which this replaces. */
    private static final Pattern SPRING = Pattern.compile("^Bearer (?<token>[a-zA-Z0-9-._~+/]+=*)$",
            Pattern.CASE_INSENSITIVE);

    @Test
    void reads_the_token_as_spring_does() {
        assertThat(resolve("Bearer abc.DEF-_~+/12==")).isEqualTo("abc.DEF-_~+/12==");
        assertThat(resolve("bearer abc")).isEqualTo("abc");
        assertThat(resolve("Basic dXNlcjpwYXNz")).isNull();
        assertThat(resolve(null)).isNull();
    }

    @Test
    void a_malformed_token_is_refused_exactly_where_springs_pattern_refuses_it() {
        for (var header : new String[] {"Bearer ", "Bearer a b", "Bearer a=b", "Bearer =", "Bearer ab$", "Bearer é"}) {
            assertThat(SPRING.matcher(header).matches()).as(header).isFalse();
            assertThatThrownBy(() -> resolve(header)).as(header).isInstanceOf(OAuth2AuthenticationException.class);
        }
        for (var header : new String[] {"Bearer a", "Bearer a==", "BEARER x.y.z"}) {
            assertThat(SPRING.matcher(header).matches()).as(header).isTrue();
            assertThat(resolve(header)).as(header).isNotNull();
        }
    }

    private static String resolve(String authorization) {
        var request = new MockHttpServletRequest();
        if (authorization != null) {
            request.addHeader("Authorization", authorization);
        }
        return new BearerTokens().resolve(request);
    }
}
