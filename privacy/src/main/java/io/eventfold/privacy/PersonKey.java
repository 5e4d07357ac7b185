package io.eventfold.privacy;

import java.util.UUID;
import javax.crypto.SecretKey;

/** The key that seals one person's personal fields; {@code id} names it in every seal made with it. */
public record PersonKey(UUID id, String userId, SecretKey key) {

    @Override
    public String toString() {
        return "PersonKey[" + id + "]";
    }
}
