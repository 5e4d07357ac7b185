package io.eventfold.command.conference;

import static io.eventfold.command.conference.ConferenceFixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventfold.command.conference.ConferenceCommands.CancelRegistration;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.junit.jupiter.api.Test;

class ConferenceTargetTest {

    private final ConferenceTarget target = new ConferenceTarget();

    @Test
    void a_conference_command_goes_to_the_conference_it_names_at_any_version() {
        var command = GenericCommandMessage.asCommandMessage(new CancelRegistration("jfokus-2027", "r-1", NOW,
                ConferenceFixtures.OZ));

        var resolved = target.resolveTarget(command);

        assertThat(resolved.getIdentifier()).isEqualTo("jfokus-2027");
        assertThat(resolved.getVersion()).isNull();
    }

    @Test
    void any_other_payload_is_refused_by_name() {
        var command = GenericCommandMessage.asCommandMessage("not a command");

        assertThatThrownBy(() -> target.resolveTarget(command))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("java.lang.String");
    }
}
