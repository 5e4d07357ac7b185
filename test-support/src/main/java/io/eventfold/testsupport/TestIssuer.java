package io.eventfold.testsupport;

import io.eventfold.issuer.LocalIssuer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The issuer of every test in a JVM: a {@link LocalIssuer} in a temporary home, the tokens its tests send, and
 * the settings with which a service (a Spring test context or a process) trusts it.
 */
public final class TestIssuer {

    private static final Path HOME = temporaryHome();
    private static final LocalIssuer ISSUER = LocalIssuer.open(HOME);
    private static final Duration TTL = Duration.ofHours(2);

    private TestIssuer() {
    }

    public static LocalIssuer issuer() {
        return ISSUER;
    }

    /** The EventFold home holding the key pair, as {@code ./eventfold token --home} takes it. */
    public static Path home() {
        return HOME;
    }

    public static String organizer(String... organizations) {
        return ISSUER.token("organizer-of-" + String.join("-", organizations), "organizer", List.of(organizations),
                TTL);
    }

    public static String reader(String... organizations) {
        return ISSUER.token("reader-of-" + String.join("-", organizations), "reader", List.of(organizations), TTL);
    }

    public static String attendee(String userId) {
        return ISSUER.token(userId, "attendee", List.of(), TTL);
    }

    public static String operator() {
        return ISSUER.token("test-operator", "operator", List.of(), TTL);
    }

    /** Spring properties that make a service trust this issuer, and only it. */
    public static Map<String, String> serviceProperties() {
        return Map.of(
                "spring.security.oauth2.resourceserver.jwt.public-key-location", "file:" + ISSUER.publicKey(),
                "spring.security.oauth2.resourceserver.jwt.audiences", LocalIssuer.AUDIENCE,
                "eventfold.security.issuer", LocalIssuer.ISSUER);
    }

    private static Path temporaryHome() {
        try {
            var home = Files.createTempDirectory("eventfold-test-issuer");
            home.toFile().deleteOnExit();
            return home;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
