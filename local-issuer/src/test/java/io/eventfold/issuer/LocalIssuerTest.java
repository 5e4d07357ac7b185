package io.eventfold.issuer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

class LocalIssuerTest {

    @TempDir
    Path home;

    @Test
    void makes_a_key_pair_once_with_the_private_key_readable_by_its_owner_only() throws Exception {
        var first = LocalIssuer.open(home);
        var privateKey = home.resolve("jwt/signing-key.pem");

        assertThat(Files.getPosixFilePermissions(privateKey))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        var again = LocalIssuer.open(home);
        assertThat(decoder(again.publicKey()).decode(first.token("ada", "attendee", List.of(), Duration.ofMinutes(1)))
                .getSubject()).as("the second open reads the same pair").isEqualTo("ada");
    }

    @Test
    void a_token_names_issuer_audience_subject_role_and_organizations_and_expires() throws Exception {
        var issuer = LocalIssuer.open(home);

        var jwt = decoder(issuer.publicKey())
                .decode(issuer.token("oz", "organizer", List.of("acme", "globex"), Duration.ofMinutes(5)));

        assertThat(jwt.getClaimAsString("iss")).isEqualTo(LocalIssuer.ISSUER);
        assertThat(jwt.getAudience()).containsExactly(LocalIssuer.AUDIENCE);
        assertThat(jwt.getSubject()).isEqualTo("oz");
        assertThat(jwt.getClaimAsStringList("roles")).containsExactly("organizer");
        assertThat(jwt.getClaimAsStringList("orgs")).containsExactly("acme", "globex");
        assertThat(Duration.between(jwt.getIssuedAt(), jwt.getExpiresAt())).isEqualTo(Duration.ofMinutes(5));
        assertThat(jwt.getHeaders()).containsKey("kid");
    }

    @Test
    void an_expired_token_is_refused_by_the_services_decoder() throws Exception {
        var past = Clock.fixed(Instant.now().minus(Duration.ofHours(2)), ZoneOffset.UTC);
        var issuer = LocalIssuer.open(home, past);

        var token = issuer.token("ada", "attendee", Set.of(), Duration.ofMinutes(10));

        assertThatThrownBy(() -> decoder(issuer.publicKey()).decode(token))
                .isInstanceOf(JwtValidationException.class).hasMessageContaining("expired");
    }

    @Test
    void a_token_of_another_home_does_not_verify() throws Exception {
        var mine = LocalIssuer.open(home.resolve("mine"));
        var theirs = LocalIssuer.open(home.resolve("theirs"));

        assertThatThrownBy(() -> decoder(mine.publicKey())
                .decode(theirs.token("ada", "operator", List.of(), Duration.ofMinutes(1))))
                .hasMessageContaining("signature");
    }

    static NimbusJwtDecoder decoder(Path publicPem) throws Exception {
        var body = Files.readString(publicPem).replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "");
        var key = (RSAPublicKey) KeyFactory.getInstance("RSA")
                .generatePublic(new X509EncodedKeySpec(Base64.getMimeDecoder().decode(body)));
        return NimbusJwtDecoder.withPublicKey(key).build();
    }
}
