package io.eventfold.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventfold.contracts.PersonalEvent;
import io.eventfold.contracts.Sealed;
import io.eventfold.contracts.registration.PersonRegistered;
import io.eventfold.contracts.registration.Role;
import io.eventfold.contracts.session.SpeakerAssigned;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class SealingTest {

    private static final Instant AT = Instant.parse("2026-12-07T10:00:00Z");

    private static PersonKey keyOf(String userId) {
        return new PersonKey(UUID.randomUUID(), userId, Aes.newKey());
    }

    private static PersonRegistered registered(String userId, String name, String email) {
        return new PersonRegistered("conf-1", "reg-1", userId, name, email, Role.ATTENDEE, AT);
    }

    @Property
    void what_is_sealed_opens_to_the_same_event(@ForAll String name, @ForAll String bio) {
        var key = keyOf("ada");
        var speaker = new SpeakerAssigned("conf-1", "s-1", "ada", name, bio, null);

        var sealed = Sealing.seal(speaker, key);

        assertThat(sealed.personalData()).containsOnlyNulls();
        assertThat(sealed.sealed().key()).isEqualTo(key.id().toString());
        assertThat(Sealing.open(sealed, key)).isEqualTo(speaker);
    }

    @Test
    void the_seal_holds_no_personal_data_in_clear() {
        var sealed = Sealing.seal(registered("ada", "Ada Lovelace", "ada@example.org"), keyOf("ada"));

        assertThat(sealed.toString()).doesNotContain("Ada Lovelace", "ada@example.org");
        assertThat(new String(Base64.getDecoder().decode(sealed.sealed().data()))).doesNotContain("Ada", "ada@");
        assertThat(sealed.userId()).isEqualTo("ada");
        assertThat(sealed.role()).isEqualTo(Role.ATTENDEE);
    }

    @Test
    void without_its_key_an_event_reads_as_forgotten() {
        var sealed = Sealing.seal(registered("ada", "Ada Lovelace", "ada@example.org"), keyOf("ada"));

        var opened = Sealing.open(sealed, null);

        assertThat(opened.name()).isEqualTo(PersonalEvent.FORGOTTEN);
        assertThat(opened.email()).isEqualTo(PersonalEvent.FORGOTTEN);
        assertThat(opened.sealed()).isNull();
        assertThat(opened.registrationId()).isEqualTo("reg-1");
    }

    @Test
    void events_in_clear_from_before_sealing_read_as_they_are() {
        var clear = registered("ada", "Ada Lovelace", "ada@example.org");

        assertThat(Sealing.open(clear, null)).isSameAs(clear);
        assertThat(Sealing.keyOf(clear)).isNull();
    }

    @Test
    void a_seal_moved_to_another_person_or_changed_does_not_open() {
        var adasKey = keyOf("ada");
        var sealed = Sealing.seal(registered("ada", "Ada Lovelace", "ada@example.org"), adasKey);
        var moved = new PersonRegistered("conf-1", "reg-2", "bob", null, null, Role.ATTENDEE, AT, sealed.sealed());
        var bytes = Base64.getDecoder().decode(sealed.sealed().data());
        bytes[bytes.length - 1] ^= 1;
        var changed = sealed.withPersonalData(sealed.personalData(),
                new Sealed(sealed.sealed().key(), Base64.getEncoder().encodeToString(bytes)));

        assertThatThrownBy(() -> Sealing.open(moved, new PersonKey(adasKey.id(), "bob", adasKey.key())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("do not open");
        assertThatThrownBy(() -> Sealing.open(moved, adasKey)).hasMessageContaining("another person's");
        assertThatThrownBy(() -> Sealing.open(changed, adasKey)).hasMessageContaining("do not open");
        assertThatThrownBy(() -> Sealing.open(sealed, keyOf("ada"))).hasMessageContaining("not " );
    }

    @Test
    void a_master_key_must_be_32_bytes_of_base64_and_opens_only_what_it_wrapped() {
        assertThatThrownBy(() -> MasterKey.of("not base64!")).hasMessage("EVENTFOLD_MASTER_KEY is not base64");
        assertThatThrownBy(() -> MasterKey.of("c2hvcnQ=")).hasMessageContaining("must be 32 bytes");
        var master = MasterKey.of(Base64.getEncoder().encodeToString(Aes.newKey().getEncoded()));
        var other = MasterKey.of(Base64.getEncoder().encodeToString(Aes.newKey().getEncoded()));
        var key = Aes.newKey();
        var id = UUID.randomUUID();

        var wrapped = master.wrap(id, key);

        assertThat(master.unwrap(id, wrapped, true)).isEqualTo(key);
        assertThatThrownBy(() -> other.unwrap(id, wrapped, true)).hasMessageContaining("not the one that wrapped");
        assertThatThrownBy(() -> MasterKey.none().unwrap(id, wrapped, true)).hasMessageContaining("set EVENTFOLD");
        assertThat(master.unwrap(id, key.getEncoded(), false)).isEqualTo(key);
        assertThat(MasterKey.of(" ").wraps()).isFalse();
    }
}
