package io.eventfold.issuer;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The issuer of a local installation, which needs nothing installed: an RSA key pair made on first use in the
 * home folder ({@code jwt/}, the private key readable by its owner only), whose public key the services trust
 * through Spring's {@code public-key-location}. Tokens it signs name {@link #ISSUER} and {@link #AUDIENCE}.
 */
public final class LocalIssuer {

    public static final String ISSUER = "eventfold-local";
    public static final String AUDIENCE = "eventfold";
    /** The roles the services know, as tokens carry them. */
    public static final List<String> ROLES = List.of("organizer", "attendee", "reader", "operator",
            "privacy_officer");

    private final RSAKey key;
    private final Path publicKey;
    private final Clock clock;

    private LocalIssuer(RSAKey key, Path publicKey, Clock clock) {
        this.key = key;
        this.publicKey = publicKey;
        this.clock = clock;
    }

    /** The issuer of this home, its key pair made now if there is none yet. */
    public static LocalIssuer open(Path home) {
        return open(home, Clock.systemUTC());
    }

    static LocalIssuer open(Path home, Clock clock) {
        var dir = home.resolve("jwt");
        var privatePem = dir.resolve("signing-key.pem");
        var publicPem = dir.resolve("public-key.pem");
        try {
            if (!Files.exists(privatePem)) {
                create(dir, privatePem, publicPem);
            }
            var factory = KeyFactory.getInstance("RSA");
            var pub = (RSAPublicKey) factory.generatePublic(new X509EncodedKeySpec(Pem.read(publicPem)));
            var priv = (RSAPrivateKey) factory.generatePrivate(new PKCS8EncodedKeySpec(Pem.read(privatePem)));
            var key = new RSAKey.Builder(pub).privateKey(priv).keyIDFromThumbprint().build();
            return new LocalIssuer(key, publicPem, clock);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException | JOSEException e) {
            throw new IllegalStateException("The key pair in " + dir + " cannot be read", e);
        }
    }

    /** The PEM file the services read the public key from. */
    public Path publicKey() {
        return publicKey;
    }

    /** A signed token for this subject, role and organizations, valid for {@code ttl} from now. */
    public String token(String subject, String role, Collection<String> organizations, Duration ttl) {
        var now = clock.instant();
        return sign(new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience(AUDIENCE)
                .subject(subject)
                .jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(ttl)))
                .claim("roles", List.of(role))
                .claim("orgs", List.copyOf(organizations))
                .build());
    }

    /** Signs exactly these claims (times in epoch seconds): how tests make the odd tokens services must refuse. */
    public String sign(Map<String, Object> claims) {
        try {
            return sign(JWTClaimsSet.parse(claims));
        } catch (ParseException e) {
            throw new IllegalArgumentException("Not a claims set: " + claims, e);
        }
    }

    private String sign(JWTClaimsSet claims) {
        var jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot sign with the local key", e);
        }
        return jwt.serialize();
    }

    /** The public key as a JSON Web Key Set, as an external issuer serves it at its {@code jwks_uri}. */
    public String jwkSet() {
        return new JWKSet(key.toPublicJWK()).toString();
    }

    private static void create(Path dir, Path privatePem, Path publicPem)
            throws IOException, GeneralSecurityException {
        Files.createDirectories(dir);
        var generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        var ownerOnly = PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));
        var temporary = Files.createTempFile(dir, "signing-key", ".tmp", ownerOnly);
        Files.writeString(temporary, Pem.write("PRIVATE KEY", pair.getPrivate().getEncoded()));
        Files.writeString(publicPem, Pem.write("PUBLIC KEY", pair.getPublic().getEncoded()));
        Files.move(temporary, privatePem);
    }

    /** PEM armour: base64 of the DER bytes between BEGIN and END lines. */
    private static final class Pem {

        static String write(String type, byte[] der) {
            return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                    + "\n-----END " + type + "-----\n";
        }

        static byte[] read(Path file) throws IOException {
            var body = Files.readString(file).replaceAll("-----(BEGIN|END) [A-Z ]+-----", "");
            return Base64.getMimeDecoder().decode(body);
        }
    }
}
