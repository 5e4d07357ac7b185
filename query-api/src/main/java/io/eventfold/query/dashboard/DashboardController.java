package io.eventfold.query.dashboard;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The dashboard of one conference event: one primary-key read of a precomputed document, returned as the
 * stored text without parsing it.
 */
@RestController
class DashboardController {

    private final JdbcClient jdbc;

    DashboardController(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @GetMapping(path = "/api/events/{eventId}/dashboard", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> dashboard(@PathVariable String eventId) {
        return jdbc.sql("select document from dashboard where event_id = ?")
                .param(eventId)
                .query(String.class)
                .optional()
                .map(document -> ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(document))
                .orElseThrow(() -> new UnknownEventException(eventId));
    }
}
