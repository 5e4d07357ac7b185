package io.eventfold.projection.admin;

import io.eventfold.projection.audit.OperatorAction;
import io.eventfold.projection.audit.OperatorAudit;
import io.eventfold.projection.deadletter.DeadLetterRetry;
import io.eventfold.security.Caller;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Operators list, retry and skip dead letters; retries and skips are audited. */
@RestController
@RequestMapping("/admin/dead-letters")
class DeadLetterController {

    private final JdbcClient jdbc;
    private final DeadLetterRetry retry;
    private final OperatorAudit audit;

    DeadLetterController(JdbcClient jdbc, DeadLetterRetry retry, OperatorAudit audit) {
        this.jdbc = jdbc;
        this.retry = retry;
        this.audit = audit;
    }

    record DeadLetter(long id, String projection, int generation, String conferenceId, Long aggregateVersion,
                      String eventType, String topic, int partition, long offset, String reason, String state,
                      Instant createdAt) {
    }

    @GetMapping
    List<DeadLetter> list(@RequestParam(defaultValue = "PARKED") String state) {
        return jdbc.sql("""
                        select id, projection, generation, conference_id, aggregate_version, event_type, topic,
                               partition_no, record_offset, reason, state, created_at
                        from dead_letter where state = ? order by id""")
                .param(state)
                .query((rs, n) -> new DeadLetter(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getString(4),
                        (Long) rs.getObject(5), rs.getString(6), rs.getString(7), rs.getInt(8), rs.getLong(9),
                        rs.getString(10), rs.getString(11), rs.getTimestamp(12).toInstant()))
                .list();
    }

    /** Re-applies this letter and every later parked event of its conference, in order. */
    @PostMapping("/{id}/retry")
    DeadLetterRetry.Outcome retry(@PathVariable String id, Caller caller) throws Exception {
        return audit.record(caller, OperatorAction.RETRY_DEAD_LETTER, id,
                () -> retry.retry(number(id)).orElseThrow(() -> notParked(id)));
    }

    @PostMapping("/{id}/skip")
    Map<String, Object> skip(@PathVariable String id, Caller caller) throws Exception {
        return audit.record(caller, OperatorAction.SKIP_DEAD_LETTER, id, () -> {
            if (!retry.skip(number(id))) {
                throw notParked(id);
            }
            return Map.of("id", number(id), "state", "SKIPPED");
        });
    }

    /** Taken as text so that an id that is no number is audited too, as the 404 it is. */
    private static long number(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw notParked(id);
        }
    }

    private static ErrorResponseException notParked(String id) {
        var error = new ErrorResponseException(HttpStatus.NOT_FOUND);
        error.getBody().setTitle("Not found");
        error.getBody().setDetail("No parked dead letter " + id);
        return error;
    }
}
