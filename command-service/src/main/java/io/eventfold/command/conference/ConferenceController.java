package io.eventfold.command.conference;

import io.eventfold.command.conference.ConferenceCommands.Accepted;
import io.eventfold.command.conference.ConferenceCommands.AddSession;
import io.eventfold.command.conference.ConferenceCommands.AssignSpeaker;
import io.eventfold.command.conference.ConferenceCommands.CancelRegistration;
import io.eventfold.command.conference.ConferenceCommands.CancelSession;
import io.eventfold.command.conference.ConferenceCommands.ChangeSessionRoom;
import io.eventfold.command.conference.ConferenceCommands.ChangeStatus;
import io.eventfold.command.conference.ConferenceCommands.RegisterPerson;
import io.eventfold.command.conference.ConferenceCommands.RemoveSpeaker;
import io.eventfold.command.conference.ConferenceRequests.AddSessionRequest;
import io.eventfold.command.conference.ConferenceRequests.AssignSpeakerRequest;
import io.eventfold.command.conference.ConferenceRequests.ChangeRoomRequest;
import io.eventfold.command.conference.ConferenceRequests.ChangeStatusRequest;
import io.eventfold.command.conference.ConferenceRequests.RegisterRequest;
import io.eventfold.command.conference.ConferenceRequests.ScheduleEventRequest;
import io.eventfold.contracts.registration.Role;
import io.eventfold.security.Caller;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.time.Clock;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The write API. Each endpoint turns a valid request into one command and answers with what it changed;
 * registrations go through their conference's queue, which decides those that arrive together in one command.
 * Every command carries its sender; what the token alone rules out is refused here, before anything is sent.
 */
@Tag(name = "Commands", description = "Schedule and run conference events; register people")
@ApiResponse(responseCode = "400", description = "Malformed or invalid request; every offending field listed",
        content = @Content(mediaType = "application/problem+json"))
@ApiResponse(responseCode = "401", description = "No token, or one that is expired, forged or not for EventFold",
        content = @Content(mediaType = "application/problem+json"))
@ApiResponse(responseCode = "403", description = "The token's role may not send this command",
        content = @Content(mediaType = "application/problem+json"))
@ApiResponse(responseCode = "404", description = "Unknown event, session, speaker or registration, or one the "
        + "caller may not see (another organization's event, someone else's registration)",
        content = @Content(mediaType = "application/problem+json"))
@ApiResponse(responseCode = "409", description = "A rule of the conference refused the command, or one of its "
        + "limits (sessions, speakers per session, registrations of a role, registration ids) is reached",
        content = @Content(mediaType = "application/problem+json"))
@ApiResponse(responseCode = "413", description = "Body over 64 KiB",
        content = @Content(mediaType = "application/problem+json"))
@ApiResponse(responseCode = "415", description = "Body is not application/json",
        content = @Content(mediaType = "application/problem+json"))
@ApiResponse(responseCode = "503", description = "Event store unreachable or commit unconfirmed (the change is "
        + "stored whole or not at all), or the conference too busy (nothing stored); retry with the same ids "
        + "after Retry-After",
        content = @Content(mediaType = "application/problem+json"))
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT")
@SecurityRequirement(name = "bearer")
@RestController
@RequestMapping(path = "/api/events", produces = MediaType.APPLICATION_JSON_VALUE)
class ConferenceController {

    private static final String JSON = MediaType.APPLICATION_JSON_VALUE;

    private final CommandGateway gateway;
    private final EventScheduling scheduling;
    private final RegistrationQueue registrations;
    private final EventStorePositions positions;
    private final Clock clock;

    ConferenceController(CommandGateway gateway, EventScheduling scheduling, RegistrationQueue registrations,
                         EventStorePositions positions, Clock clock) {
        this.gateway = gateway;
        this.scheduling = scheduling;
        this.registrations = registrations;
        this.positions = positions;
        this.clock = clock;
    }

    @ApiResponse(responseCode = "201", description = "Created")
    @PostMapping(consumes = JSON)
    ResponseEntity<CommandResponse> schedule(@Valid @RequestBody ScheduleEventRequest body, Caller caller) {
        if (!caller.organizes(body.organizationId())) {
            throw new ForbiddenException("Only an organizer of " + body.organizationId() + " schedules its events");
        }
        var eventId = body.eventId() != null ? body.eventId() : UUID.randomUUID().toString();
        scheduling.schedule(new ConferenceCommands.ScheduleConference(eventId, body.organizationId(), body.name(),
                body.startDate(), body.endDate(), body.capacity(), clock.instant(), Actor.of(caller)));
        return respond(HttpStatus.CREATED, CommandResponse.Subject.EVENT, eventId, new Accepted(eventId, 0));
    }

    @PostMapping(path = "/{eventId}/status", consumes = JSON)
    ResponseEntity<CommandResponse> changeStatus(@PathVariable @ValidId String eventId,
                                                 @Valid @RequestBody ChangeStatusRequest body, Caller caller) {
        return ok(CommandResponse.Subject.EVENT, eventId,
                new ChangeStatus(eventId, body.status(), clock.instant(), Actor.of(caller)));
    }

    @ApiResponse(responseCode = "201", description = "Created")
    @PostMapping(path = "/{eventId}/sessions", consumes = JSON)
    ResponseEntity<CommandResponse> addSession(@PathVariable @ValidId String eventId,
                                               @Valid @RequestBody AddSessionRequest body, Caller caller) {
        var sessionId = body.sessionId() != null ? body.sessionId() : UUID.randomUUID().toString();
        Accepted accepted = gateway.sendAndWait(new AddSession(eventId, sessionId, body.title(), body.room(),
                body.startsAt(), body.endsAt(), Actor.of(caller)));
        return respond(HttpStatus.CREATED, CommandResponse.Subject.SESSION, eventId, accepted);
    }

    @PutMapping(path = "/{eventId}/sessions/{sessionId}/room", consumes = JSON)
    ResponseEntity<CommandResponse> changeRoom(@PathVariable @ValidId String eventId,
                                               @PathVariable @ValidId String sessionId,
                                               @Valid @RequestBody ChangeRoomRequest body, Caller caller) {
        return ok(CommandResponse.Subject.SESSION, eventId,
                new ChangeSessionRoom(eventId, sessionId, body.room(), Actor.of(caller)));
    }

    @DeleteMapping("/{eventId}/sessions/{sessionId}")
    ResponseEntity<CommandResponse> cancelSession(@PathVariable @ValidId String eventId,
                                                  @PathVariable @ValidId String sessionId, Caller caller) {
        return ok(CommandResponse.Subject.SESSION, eventId,
                new CancelSession(eventId, sessionId, clock.instant(), Actor.of(caller)));
    }

    @PutMapping(path = "/{eventId}/sessions/{sessionId}/speakers/{userId}", consumes = JSON)
    ResponseEntity<CommandResponse> assignSpeaker(
            @PathVariable @ValidId String eventId,
            @PathVariable @ValidId String sessionId,
            @PathVariable @ValidId String userId,
            @Valid @RequestBody AssignSpeakerRequest body, Caller caller) {
        return ok(CommandResponse.Subject.SESSION, eventId, new AssignSpeaker(eventId, sessionId, userId,
                body.name(), body.bio(), body.company(), Actor.of(caller)));
    }

    @DeleteMapping("/{eventId}/sessions/{sessionId}/speakers/{userId}")
    ResponseEntity<CommandResponse> removeSpeaker(
            @PathVariable @ValidId String eventId,
            @PathVariable @ValidId String sessionId,
            @PathVariable @ValidId String userId, Caller caller) {
        return ok(CommandResponse.Subject.SESSION, eventId,
                new RemoveSpeaker(eventId, sessionId, userId, Actor.of(caller)));
    }

    @ApiResponse(responseCode = "201", description = "Created")
    @PostMapping(path = "/{eventId}/registrations", consumes = JSON)
    ResponseEntity<CommandResponse> register(@PathVariable @ValidId String eventId,
                                             @Valid @RequestBody RegisterRequest body, Caller caller) {
        // An attendee registers only themselves, as an attendee, at any conference; an organizer anyone, at
        // the conferences of their organizations, which only the conference knows.
        if (!caller.is(io.eventfold.security.Role.ORGANIZER)
                && (!body.userId().equals(caller.subject()) || body.role() != Role.ATTENDEE)) {
            throw new ForbiddenException("An attendee registers only themselves, as an ATTENDEE");
        }
        var registrationId = body.registrationId() != null ? body.registrationId() : UUID.randomUUID().toString();
        var registered = registrations.register(new RegisterPerson(eventId, registrationId, body.userId(),
                body.name(), body.email(), body.role(), clock.instant(), Actor.of(caller)));
        return respond(HttpStatus.CREATED, CommandResponse.Subject.REGISTRATION, eventId, registered.accepted(),
                registered.position());
    }

    @DeleteMapping("/{eventId}/registrations/{registrationId}")
    ResponseEntity<CommandResponse> cancelRegistration(
            @PathVariable @ValidId String eventId,
            @PathVariable @ValidId String registrationId, Caller caller) {
        return ok(CommandResponse.Subject.REGISTRATION, eventId,
                new CancelRegistration(eventId, registrationId, clock.instant(), Actor.of(caller)));
    }

    private ResponseEntity<CommandResponse> ok(CommandResponse.Subject subject, String eventId, Object command) {
        Accepted accepted = gateway.sendAndWait(command);
        return respond(HttpStatus.OK, subject, eventId, accepted);
    }

    private ResponseEntity<CommandResponse> respond(HttpStatus status, CommandResponse.Subject subject,
                                                    String eventId, Accepted accepted) {
        return respond(status, subject, eventId, accepted, positions.positionOf(eventId, accepted.version()));
    }

    private static ResponseEntity<CommandResponse> respond(HttpStatus status, CommandResponse.Subject subject,
                                                           String eventId, Accepted accepted, long position) {
        return ResponseEntity.status(status)
                .body(CommandResponse.of(subject, eventId, accepted.id(), accepted.version(), position));
    }
}
