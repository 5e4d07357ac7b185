package io.eventfold.command.conference;

import io.eventfold.command.conference.ConferenceCommands.Accepted;
import io.eventfold.command.conference.ConferenceCommands.ForgetPerson;
import java.time.Instant;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

/** What other features ask of conferences about one person. */
@Component
public class People {

    private final CommandGateway gateway;
    private final EventStorePositions positions;

    People(CommandGateway gateway, EventStorePositions positions) {
        this.gateway = gateway;
        this.positions = positions;
    }

    /** Records in the conference that the person is forgotten; the position of that event in the store. */
    public long forget(String conferenceId, String userId, Instant at) {
        Accepted accepted = gateway.sendAndWait(new ForgetPerson(conferenceId, userId, at));
        return positions.positionOf(conferenceId, accepted.version());
    }
}
