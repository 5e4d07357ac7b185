package io.eventfold.command.privacy.migration;

import io.eventfold.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Operators' API of the migration that seals events stored before sealing existed (docs/privacy-migration.md). */
@RestController
@RequestMapping(path = "/admin/privacy/seal-v1", produces = MediaType.APPLICATION_JSON_VALUE)
class SealV1Controller {

    private final SealV1Migration migration;

    SealV1Controller(SealV1Migration migration) {
        this.migration = migration;
    }

    @Operation(summary = "Start, or resume after the last committed page, sealing every version 1 personal event",
            description = "Answers at once with the status; running already, or done, it changes nothing.")
    @PostMapping
    ResponseEntity<SealV1Status> start(Caller caller) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(migration.start(caller.subject()));
    }

    @Operation(summary = "The migration's state, counts, percent and rate")
    @GetMapping
    SealV1Status status() {
        return migration.status();
    }
}
