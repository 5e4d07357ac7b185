package io.eventfold.e2e;

import io.eventfold.infra.HttpJson;
import io.eventfold.testsupport.TestIssuer;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/**
 * The bearer tokens the tests' clients send, from the {@link TestIssuer} every service process trusts. Writers
 * and the oracle act as one organizer of every organization the tests use: the oracle compares whole searches
 * and counts with the classic tables, and an organizer sees only its own organizations' conferences.
 */
final class Tokens {

    /** Every organization a test schedules a conference of (or injects one of, on the topic). */
    static final List<String> ORGANIZATIONS = List.of("acme", "org-0", "org-1", "org-2");
    /** TestIssuer's tokens live two hours, a soak may run longer: a client asks for one per request. */
    private static final Duration RENEW_AFTER = Duration.ofHours(1);

    static final Supplier<String> ORGANIZER =
            renewed(() -> TestIssuer.organizer(ORGANIZATIONS.toArray(String[]::new)));
    static final Supplier<String> OPERATOR = renewed(TestIssuer::operator);

    private Tokens() {
    }

    /** The client as the organizer of every test organization. */
    static HttpJson organizer(HttpJson http) {
        return http.withBearer(ORGANIZER);
    }

    static HttpJson organizer(String url) {
        return organizer(new HttpJson(url));
    }

    static HttpJson organizer(String url, Duration timeout) {
        return organizer(new HttpJson(url, timeout));
    }

    /** A token minted once and again after {@link #RENEW_AFTER}: minting signs with RSA, too slow per request. */
    private static Supplier<String> renewed(Supplier<String> mint) {
        return new Supplier<>() {
            private String token;
            private long minted;

            @Override
            public synchronized String get() {
                if (token == null || System.nanoTime() - minted > RENEW_AFTER.toNanos()) {
                    token = mint.get();
                    minted = System.nanoTime();
                }
                return token;
            }
        };
    }
}
