package io.eventfold.command.conference;

import static io.eventfold.command.conference.LimitedText.Kind.BIO;
import static io.eventfold.command.conference.LimitedText.Kind.EMAIL;
import static io.eventfold.command.conference.LimitedText.Kind.NAME;
import static io.eventfold.command.conference.LimitedText.Kind.ROOM;

import io.eventfold.contracts.conference.ConferenceStatus;
import io.eventfold.contracts.registration.Role;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.time.LocalDate;

/**
 * HTTP request bodies. Every constraint violation is reported at once, field by field. Ids are {@link ValidId};
 * every other text is {@link PlainText}, within its {@link LimitedText} size, and every date {@link CalendarDate}.
 */
final class ConferenceRequests {

    private ConferenceRequests() {
    }

    record ScheduleEventRequest(
            @ValidId String eventId,
            @NotBlank @ValidId String organizationId,
            @NotBlank @LimitedText(NAME) @PlainText String name,
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
            @NotBlank @LimitedText(NAME) @PlainText String title,
            @NotBlank @LimitedText(ROOM) @PlainText String room,
            @NotNull @CalendarDate Instant startsAt,
            @NotNull @CalendarDate Instant endsAt) {

        @AssertTrue(message = "endsAt must be after startsAt")
        boolean isEndsAtValid() {
            return startsAt == null || endsAt == null || endsAt.isAfter(startsAt);
        }
    }

    record ChangeRoomRequest(@NotBlank @LimitedText(ROOM) @PlainText String room) {
    }

    record AssignSpeakerRequest(
            @NotBlank @LimitedText(NAME) @PlainText String name,
            @LimitedText(BIO) @PlainText String bio,
            @LimitedText(NAME) @PlainText String company) {
    }

    record RegisterRequest(
            @ValidId String registrationId,
            @NotBlank @ValidId String userId,
            @NotBlank @LimitedText(NAME) @PlainText String name,
            @NotBlank @Email @LimitedText(EMAIL) @PlainText String email,
            @NotNull Role role) {
    }
}
