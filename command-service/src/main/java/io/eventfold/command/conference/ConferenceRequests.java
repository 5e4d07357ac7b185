package io.eventfold.command.conference;

import io.eventfold.contracts.conference.ConferenceStatus;
import io.eventfold.contracts.registration.Role;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;

/**
 * HTTP request bodies. Every constraint violation is reported at once, field by field. Ids are {@link ValidId};
 * every other text is {@link PlainText} and every date {@link CalendarDate}.
 */
final class ConferenceRequests {

    private ConferenceRequests() {
    }

    record ScheduleEventRequest(
            @ValidId String eventId,
            @NotBlank @ValidId String organizationId,
            @NotBlank @Size(max = 200) @PlainText String name,
            @NotNull @CalendarDate LocalDate startDate,
            @NotNull @CalendarDate LocalDate endDate,
            @NotNull @Min(1) @Max(1_000_000) Integer capacity) {

        @AssertTrue(message = "endDate must not be before startDate")
        boolean isEndDateValid() {
            return startDate == null || endDate == null || !endDate.isBefore(startDate);
        }
    }

    record ChangeStatusRequest(@NotNull ConferenceStatus status) {
    }

    record AddSessionRequest(
            @ValidId String sessionId,
            @NotBlank @Size(max = 200) @PlainText String title,
            @NotBlank @Size(max = 100) @PlainText String room,
            @NotNull @CalendarDate Instant startsAt,
            @NotNull @CalendarDate Instant endsAt) {

        @AssertTrue(message = "endsAt must be after startsAt")
        boolean isEndsAtValid() {
            return startsAt == null || endsAt == null || endsAt.isAfter(startsAt);
        }
    }

    record ChangeRoomRequest(@NotBlank @Size(max = 100) @PlainText String room) {
    }

    record AssignSpeakerRequest(
            @NotBlank @Size(max = 200) @PlainText String name,
            @Size(max = 2000) @PlainText String bio,
            @Size(max = 200) @PlainText String company) {
    }

    record RegisterRequest(
            @ValidId String registrationId,
            @NotBlank @ValidId String userId,
            @NotBlank @Size(max = 200) @PlainText String name,
            @NotBlank @Email @Size(max = 254) @PlainText String email,
            @NotNull Role role) {
    }
}
