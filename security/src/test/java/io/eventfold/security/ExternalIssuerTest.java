package io.eventfold.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.eventfold.issuer.LocalIssuer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** An issuer as Keycloak or Auth0 run one: keys published as a JWK set at a URL, and rotated there. */
@SpringBootTest(classes = SecuredApp.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ExternalIssuerTest {

    static final LocalIssuer FIRST_KEY = issuer("first");
    static final LocalIssuer SECOND_KEY = issuer("second");
    static final AtomicReference<String> PUBLISHED = new AtomicReference<>(FIRST_KEY.jwkSet());
    static final AtomicInteger FETCHES = new AtomicInteger();
    static final HttpServer JWKS = serve();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void trustTheJwkSet(DynamicPropertyRegistry registry) {
        registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri",
                () -> "http://localhost:" + JWKS.getAddress().getPort() + "/jwks");
        registry.add("spring.security.oauth2.resourceserver.jwt.audiences", () -> LocalIssuer.AUDIENCE);
        registry.add("eventfold.security.issuer", () -> LocalIssuer.ISSUER);
    }

    @AfterAll
    static void stop() {
        JWKS.stop(0);
    }

    @Test
    void tokens_of_the_published_key_are_accepted_and_a_rotated_key_is_picked_up_without_restart()
            throws Exception {
        assertThat(get(token(FIRST_KEY))).isEqualTo(200);
        assertThat(get(token(SECOND_KEY))).as("not published yet").isEqualTo(401);

        PUBLISHED.set("{\"keys\":[" + key(SECOND_KEY) + "," + key(FIRST_KEY) + "]}");
        int fetched = FETCHES.get();
        int status = 401;
        for (long end = System.nanoTime() + Duration.ofSeconds(60).toNanos(); status != 200
                && System.nanoTime() < end; Thread.sleep(500)) {
            status = get(token(SECOND_KEY));
        }

        assertThat(status).as("the new kid is fetched from the JWK set URL").isEqualTo(200);
        assertThat(FETCHES.get()).isGreaterThan(fetched);
        assertThat(get(token(FIRST_KEY))).as("the old key still listed").isEqualTo(200);
    }

    private int get(String token) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/orgs/acme"))
                .header("Authorization", "Bearer " + token).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static String token(LocalIssuer issuer) {
        return issuer.token("oz", "organizer", List.of("acme"), Duration.ofMinutes(5));
    }

    private static String key(LocalIssuer issuer) {
        var set = issuer.jwkSet();
        return set.substring(set.indexOf('[') + 1, set.lastIndexOf(']'));
    }

    private static LocalIssuer issuer(String name) {
        try {
            return LocalIssuer.open(Files.createTempDirectory("eventfold-" + name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static HttpServer serve() {
        try {
            var server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
            server.createContext("/jwks", exchange -> {
                FETCHES.incrementAndGet();
                var body = PUBLISHED.get().getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
