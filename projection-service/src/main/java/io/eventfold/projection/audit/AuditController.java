package io.eventfold.projection.audit;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Operators read back what operators did ({@code ./eventfold projections history}). */
@RestController
class AuditController {

    static final int MAX_LIMIT = 1000;

    private final OperatorAudit audit;

    AuditController(OperatorAudit audit) {
        this.audit = audit;
    }

    @GetMapping("/admin/audit")
    List<AuditEntry> newest(@RequestParam(defaultValue = "50") int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            var error = new ErrorResponseException(HttpStatus.BAD_REQUEST);
            error.getBody().setTitle("Bad request");
            error.getBody().setDetail("limit must be between 1 and " + MAX_LIMIT + ", not " + limit);
            throw error;
        }
        return audit.newest(limit);
    }
}
