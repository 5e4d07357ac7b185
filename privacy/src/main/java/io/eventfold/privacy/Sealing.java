package io.eventfold.privacy;

import io.eventfold.contracts.PersonalEvent;
import io.eventfold.contracts.Sealed;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import javax.crypto.AEADBadTagException;

/**
 * Seals an event's personal fields with its person's key and opens them again. The seal is bound to the person
 * and the key (associated data): moved onto another person's event, it does not open.
 */
public final class Sealing {

    private static final int FORMAT = 1;

    private Sealing() {
    }

    /** The event with its personal fields sealed by {@code key} and null in clear; a sealed one as it is. */
    public static <E extends PersonalEvent<E>> E seal(E event, PersonKey key) {
        if (event.sealed() != null) {
            return event;
        }
        requireOwnKey(event, key);
        var sealed = Aes.encrypt(key.key(), encode(event.personalData()), associated(event.userId(), key.id()));
        var nulls = Arrays.asList(new String[event.personalData().size()]);
        return event.withPersonalData(nulls, new Sealed(key.id().toString(), Base64.getEncoder()
                .encodeToString(sealed)));
    }

    /**
     * The event with its personal fields in clear; without a key ({@code null}: its person was forgotten) as it
     * reads once forgotten. An event in clear (stored before sealing) comes back as it is.
     *
     * @throws IllegalArgumentException when the seal does not open with this key: changed, or not theirs
     */
    public static <E extends PersonalEvent<E>> E open(E event, PersonKey key) {
        var sealed = event.sealed();
        if (sealed == null) {
            return event;
        }
        if (key == null) {
            return event.forgotten();
        }
        if (!key.id().toString().equals(sealed.key())) {
            throw new IllegalArgumentException("Sealed with key " + sealed.key() + ", not " + key.id());
        }
        requireOwnKey(event, key);
        try {
            var clear = Aes.decrypt(key.key(), Base64.getDecoder().decode(sealed.data()),
                    associated(event.userId(), key.id()));
            return event.withPersonalData(decode(clear, event.personalData().size()), null);
        } catch (AEADBadTagException | IllegalArgumentException e) {
            throw new IllegalArgumentException("The personal fields sealed with key " + sealed.key()
                    + " do not open: changed, or moved from another person's event");
        }
    }

    /** {@link #seal} for a caller that holds the event as any personal event. */
    public static PersonalEvent<?> sealAny(PersonalEvent<?> event, PersonKey key) {
        return seal(self(event), key);
    }

    /** {@link #open} for a caller that holds the event as any personal event. */
    public static PersonalEvent<?> openAny(PersonalEvent<?> event, PersonKey key) {
        return open(self(event), key);
    }

    /** Every personal event's type argument is its own class (PersonRegistered implements PersonalEvent of it). */
    @SuppressWarnings("unchecked")
    private static <E extends PersonalEvent<E>> E self(PersonalEvent<E> event) {
        return (E) event;
    }

    /** The key a sealed event names; null for one in clear. */
    public static UUID keyOf(PersonalEvent<?> event) {
        var sealed = event.sealed();
        if (sealed == null) {
            return null;
        }
        try {
            return UUID.fromString(sealed.key());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("A seal names no key: " + sealed.key().length() + " characters");
        }
    }

    private static void requireOwnKey(PersonalEvent<?> event, PersonKey key) {
        if (!key.userId().equals(event.userId())) {
            throw new IllegalArgumentException("Key " + key.id() + " is another person's");
        }
    }

    private static byte[] associated(String userId, UUID keyId) {
        return ("eventfold personal fields " + keyId + " " + userId).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] encode(List<String> fields) {
        var bytes = new ByteArrayOutputStream(64);
        try (var out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT);
            out.writeByte(fields.size());
            for (var field : fields) {
                out.writeBoolean(field != null);
                if (field != null) {
                    var utf8 = field.getBytes(StandardCharsets.UTF_8);
                    out.writeInt(utf8.length);
                    out.write(utf8);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static List<String> decode(byte[] clear, int expected) {
        try (var in = new DataInputStream(new ByteArrayInputStream(clear))) {
            var format = in.readByte();
            var count = in.readByte();
            if (format != FORMAT || count != expected) {
                throw new IllegalArgumentException("Sealed in format " + format + " with " + count + " fields");
            }
            var fields = new ArrayList<String>(count);
            for (int i = 0; i < count; i++) {
                fields.add(in.readBoolean() ? new String(in.readNBytes(in.readInt()), StandardCharsets.UTF_8) : null);
            }
            return fields;
        } catch (IOException e) {
            throw new IllegalArgumentException("Sealed fields end early");
        }
    }
}
