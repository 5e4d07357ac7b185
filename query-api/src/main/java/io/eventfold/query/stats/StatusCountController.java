package io.eventfold.query.stats;

import io.eventfold.query.freshness.AppliedPosition;
import io.eventfold.security.Caller;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.servlet.http.HttpServletRequest;
import java.util.HashMap;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Conference events per status, from the maintained counts: never a count over the events themselves. Only over
 * the caller's organizations (organizers and readers; the routes keep attendees out): others count as zero.
 */
@RestController
class StatusCountController {

    private static final List<String> STATUSES = List.of("DRAFT", "PUBLISHED", "COMPLETED", "CANCELLED");

    private final JdbcClient jdbc;
    private final AppliedPosition applied;

    StatusCountController(JdbcClient jdbc, AppliedPosition applied) {
        this.jdbc = jdbc;
        this.applied = applied;
    }

    record StatusCount(String status, long count) {
    }

    @GetMapping("/api/events/stats/by-status")
    ResponseEntity<List<StatusCount>> byStatus(
            @Parameter(description = "One organization; all the token's organizations when absent")
            @RequestParam(name = "org_id", required = false) String organizationId,
            @Parameter(description = "Wait until every event up to this global position is applied")
            @RequestParam(required = false) Long minPosition,
            @Parameter(hidden = true) Caller caller, HttpServletRequest request) {
        return applied.answer(minPosition, () -> counts(organizationId, caller), request);
    }

    private List<StatusCount> counts(String organizationId, Caller caller) {
        var counts = new HashMap<String, Long>();
        jdbc.sql("""
                        select status, sum(conference_count) from status_count
                        where organization_id = any(:orgs) and (cast(:org as text) is null or organization_id = :org)
                        group by status""")
                .param("orgs", caller.organizations().toArray(String[]::new))
                .param("org", organizationId)
                .query((rs, n) -> counts.put(rs.getString(1), rs.getLong(2)))
                .list();
        return STATUSES.stream().map(status -> new StatusCount(status, counts.getOrDefault(status, 0L))).toList();
    }
}
