package io.eventfold.privacy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.AEADBadTagException;
import javax.crypto.SecretKey;

/**
 * Optionally wraps every person key stored in the database, so that a copy of the database alone opens no
 * personal data. Given as 32 bytes in base64 (EVENTFOLD_MASTER_KEY); without it keys are stored as they are.
 */
public final class MasterKey {

    public static final String VARIABLE = "EVENTFOLD_MASTER_KEY";
    private static final MasterKey NONE = new MasterKey(null);

    private final SecretKey key;

    private MasterKey(SecretKey key) {
        this.key = key;
    }

    /**
     * @param base64 null or blank for none
     * @throws IllegalArgumentException when it is not 32 bytes of base64: a typo must not start a service
     *                                  that then writes keys nobody can open
     */
    public static MasterKey of(String base64) {
        if (base64 == null || base64.isBlank()) {
            return NONE;
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(VARIABLE + " is not base64");
        }
        if (bytes.length != Aes.KEY_BYTES) {
            throw new IllegalArgumentException(VARIABLE + " must be " + Aes.KEY_BYTES + " bytes in base64, not "
                    + bytes.length);
        }
        return new MasterKey(Aes.key(bytes));
    }

    public static MasterKey none() {
        return NONE;
    }

    boolean wraps() {
        return key != null;
    }

    byte[] wrap(UUID keyId, SecretKey personKey) {
        var raw = personKey.getEncoded();
        return key == null ? raw : Aes.encrypt(key, raw, associated(keyId));
    }

    SecretKey unwrap(UUID keyId, byte[] stored, boolean wrapped) {
        if (!wrapped) {
            return Aes.key(stored);
        }
        if (key == null) {
            throw new IllegalStateException("Person key " + keyId + " is wrapped by a master key: set " + VARIABLE);
        }
        try {
            return Aes.key(Aes.decrypt(key, stored, associated(keyId)));
        } catch (AEADBadTagException e) {
            throw new IllegalStateException("The master key in " + VARIABLE + " does not open person key " + keyId
                    + ": it is not the one that wrapped it");
        }
    }

    private static byte[] associated(UUID keyId) {
        return ("eventfold person key " + keyId).getBytes(StandardCharsets.UTF_8);
    }
}
