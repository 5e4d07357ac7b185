package io.eventfold.command.conference;

import io.eventfold.contracts.conference.EventStatus;
import io.eventfold.contracts.registration.Role;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;

/** HTTP request bodies. Every constraint violation is reported at once, field by field. */
final class ConferenceRequests {

    /** Ids travel in URLs: letters, digits and {@code . _ : -}, up to 100 characters (UUIDs fit). */
    static final String ID = "[A-Za-z0-9][A-Za-z0-9._:-]{0,99}";
    static final String ID_MESSAGE = "must be 1-100 letters, digits or . _ : - (a UUID is recommended)";

    private ConferenceRequests() {
    }

    record ScheduleEventRequest(
            @Pattern(regexp = ID, message = ID_MESSAGE) String eventId,
            @NotBlank @Pattern(regexp = ID, message = ID_MESSAGE) String organizationId,
            @NotBlank @Size(max = 200) String name,
            @NotNull LocalDate startDate,
            @NotNull LocalDate endDate,
            @NotNull @Min(1) @Max(1_000_000) Integer capacity) {

        @AssertTrue(message = "endDate must not be before startDate")
        boolean isEndDateValid() {
            return startDate == null || endDate == null || !endDate.isBefore(startDate);
        }
    }

    record ChangeStatusRequest(@NotNull EventStatus status) {
    }

    record AddSessionRequest(
            @Pattern(regexp = ID, message = ID_MESSAGE) String sessionId,
            @NotBlank @Size(max = 200) String title,
            @NotBlank @Size(max = 100) String room,
            @NotNull Instant startsAt,
            @NotNull Instant endsAt) {

        @AssertTrue(message = "endsAt must be after startsAt")
        boolean isEndsAtValid() {
            return startsAt == null || endsAt == null || endsAt.isAfter(startsAt);
        }
    }

    record ChangeRoomRequest(@NotBlank @Size(max = 100) String room) {
    }

    record AssignSpeakerRequest(
            @NotBlank @Size(max = 200) String name,
            @Size(max = 2000) String bio,
            @Size(max = 200) String company) {
    }

    record RegisterRequest(
            @Pattern(regexp = ID, message = ID_MESSAGE) String registrationId,
            @NotBlank @Pattern(regexp = ID, message = ID_MESSAGE) String userId,
            @NotBlank @Size(max = 200) String name,
            @NotBlank @Email @Size(max = 254) String email,
            @NotNull Role role) {
    }
}
