package io.eventfold.command.conference;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/**
 * The cancelled registrations of a conference, as much as its rules still need: that an id was used (it is
 * not taken again) and by whom (its person may cancel it again, idempotently). Both as fingerprints, 16 bytes
 * a registration, written to snapshots as one Base64 text.
 */
final class CancelledRegistrations {

    private final Map<Long, Long> ownerById;

    CancelledRegistrations() {
        this(new HashMap<>());
    }

    private CancelledRegistrations(Map<Long, Long> ownerById) {
        this.ownerById = ownerById;
    }

    void add(String registrationId, String userId) {
        ownerById.put(Fingerprint.of(registrationId), Fingerprint.of(userId));
    }

    boolean contains(String registrationId) {
        return ownerById.containsKey(Fingerprint.of(registrationId));
    }

    boolean ownedBy(String registrationId, String userId) {
        var owner = ownerById.get(Fingerprint.of(registrationId));
        return owner != null && owner == Fingerprint.of(userId);
    }

    int size() {
        return ownerById.size();
    }

    @JsonValue
    String encoded() {
        var bytes = ByteBuffer.allocate(ownerById.size() * 16);
        ownerById.forEach((id, owner) -> bytes.putLong(id).putLong(owner));
        return Base64.getEncoder().encodeToString(bytes.array());
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static CancelledRegistrations decoded(String encoded) {
        var bytes = ByteBuffer.wrap(Base64.getDecoder().decode(encoded));
        var ownerById = new HashMap<Long, Long>(bytes.remaining() / 16 * 4 / 3 + 1);
        while (bytes.remaining() >= 16) {
            ownerById.put(bytes.getLong(), bytes.getLong());
        }
        return new CancelledRegistrations(ownerById);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CancelledRegistrations cancelled && cancelled.ownerById.equals(ownerById);
    }

    @Override
    public int hashCode() {
        return ownerById.hashCode();
    }
}
