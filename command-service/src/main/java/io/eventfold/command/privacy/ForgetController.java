package io.eventfold.command.privacy;

import io.eventfold.command.conference.ForbiddenException;
import io.eventfold.command.conference.ValidId;
import io.eventfold.security.Caller;
import io.eventfold.security.Role;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** The right to erasure: a person forgets themself, or a privacy officer forgets anyone. */
@RestController
class ForgetController {

    private final Forgetting forgetting;

    ForgetController(Forgetting forgetting) {
        this.forgetting = forgetting;
    }

    @Operation(summary = "Forget a person: their key is deleted and every conference shows them as forgotten",
            description = "Idempotent: forgetting again finds nothing left to do. Pass the answer's position as "
                    + "minPosition to a read that must no longer show them.")
    @PostMapping(path = "/api/people/{userId}/forget", produces = MediaType.APPLICATION_JSON_VALUE)
    Forgetting.Forgotten forget(@PathVariable @ValidId String userId, Caller caller) {
        if (!caller.subject().equals(userId) && !caller.is(Role.PRIVACY_OFFICER)) {
            throw new ForbiddenException("Only the person themself or a privacy officer forgets a person");
        }
        return forgetting.forget(userId);
    }
}
