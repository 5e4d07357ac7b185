package io.eventfold.contracts;

/**
 * Personal fields of one event, encrypted with the key of the person they describe: {@code key} names that key,
 * {@code data} is the ciphertext (base64). Once the key is deleted nobody can read them again.
 */
public record Sealed(String key, String data) {
}
