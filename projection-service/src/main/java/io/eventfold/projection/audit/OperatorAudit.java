package io.eventfold.projection.audit;

import io.eventfold.projection.audit.AuditEntry.Outcome;
import io.eventfold.security.Caller;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

/**
 * Runs an operator's action and keeps one row of who did it, to what, and how it ended, including when the
 * service refuses it (404, 409) or it fails. Requests refused for their token never reach a controller.
 */
@Component
public class OperatorAudit {

    private static final Logger log = LoggerFactory.getLogger(OperatorAudit.class);

    private final JdbcClient jdbc;

    OperatorAudit(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An action as the controller runs it; its exceptions are the service's answers. */
    @FunctionalInterface
    public interface Action<T> {
        T run() throws Exception;
    }

    /** Runs {@code action} on {@code target} for {@code caller} and records its outcome; returns or rethrows. */
    public <T> T record(Caller caller, OperatorAction what, String target, Action<T> action) throws Exception {
        T result;
        try {
            result = action.run();
        } catch (ErrorResponseException refused) {
            save(caller, what, target, refused.getStatusCode().value(), refused.getBody().getDetail());
            throw refused;
        } catch (Exception | Error failed) {
            save(caller, what, target, 500, failed.toString());
            throw failed;
        }
        save(caller, what, target, result instanceof ResponseEntity<?> entity ? entity.getStatusCode().value() : 200,
                null);
        return result;
    }

    /** The latest {@code limit} entries, newest first. */
    List<AuditEntry> newest(int limit) {
        return jdbc.sql("""
                        select id, at, subject, action, target, outcome, status, reason
                        from operator_audit order by id desc limit ?""")
                .param(limit)
                .query((rs, n) -> new AuditEntry(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3),
                        OperatorAction.valueOf(rs.getString(4)), rs.getString(5), Outcome.valueOf(rs.getString(6)),
                        rs.getInt(7), rs.getString(8)))
                .list();
    }

    /**
     * The action has happened (or not) whatever becomes of this row: a database that refuses it does not turn
     * the operator's answer into an error, but the log keeps the entry.
     */
    private void save(Caller caller, OperatorAction what, String target, int status, String reason) {
        var outcome = Outcome.of(status);
        try {
            jdbc.sql("""
                            insert into operator_audit (subject, action, target, outcome, status, reason)
                            values (?, ?, ?, ?, ?, ?)""")
                    .params(caller.subject(), what.name(), target, outcome.name(), status, reason).update();
        } catch (RuntimeException e) {
            log.error("Could not audit {} of {} by {} ({} {}: {})", what, target, caller.subject(), outcome, status,
                    reason, e);
        }
    }
}
