package io.eventfold.command.conference;

import io.eventfold.command.conference.ConferenceCommands.ConferenceCommand;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;
import org.springframework.stereotype.Component;

/**
 * Which conference a command goes to: its {@code eventId}. Axon's default resolver looks for the
 * {@code @TargetAggregateIdentifier} member by reflection on every command, which showed in the command profile.
 */
@Component(ConferenceTarget.BEAN)
class ConferenceTarget implements CommandTargetResolver {

    static final String BEAN = "conferenceTarget";

    @Override
    public VersionedAggregateIdentifier resolveTarget(CommandMessage<?> command) {
        if (command.getPayload() instanceof ConferenceCommand conferenceCommand) {
            return new VersionedAggregateIdentifier(conferenceCommand.eventId(), null);
        }
        throw new IllegalArgumentException("Not a conference command: " + command.getPayloadType().getName());
    }
}
