package io.eventfold.command.conference;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * 64 bits of SHA-256 over texts: what the aggregate keeps of details it only compares, never reads back. A
 * cryptographic hash, so that no client can choose an id or a name that collides with someone else's.
 */
final class Fingerprint {

    private Fingerprint() {
    }

    static long of(String... parts) {
        try {
            var digest = MessageDigest.getInstance("SHA-256");
            for (var part : parts) {
                var bytes = part == null ? new byte[0] : part.getBytes(StandardCharsets.UTF_8);
                // Each part's length first: ("ab", "c") and ("a", "bc") differ.
                digest.update(ByteBuffer.allocate(4).putInt(part == null ? -1 : bytes.length).array());
                digest.update(bytes);
            }
            return ByteBuffer.wrap(digest.digest()).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
