package io.eventfold.query.search;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.eventfold.query.freshness.AppliedPosition;
import io.eventfold.security.Caller;
import io.eventfold.security.Role;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Search over conference events: one SELECT on the dashboard table, the page and the total together, over what
 * the caller may find: the conferences of its organizations, and for an attendee those of every organization
 * that are not drafts. A filter outside that finds nothing. Its cost is bounded whatever matches: a page lies
 * within the first {@link SearchCriteria#MAX_ROWS} matches, and the total counts no further than that.
 */
@RestController
class SearchController {

    private final JdbcClient jdbc;
    private final AppliedPosition applied;

    SearchController(JdbcClient jdbc, AppliedPosition applied) {
        this.jdbc = jdbc;
        this.applied = applied;
    }

    record Item(String id, String organizationId, String name, String status, LocalDate startDate,
                LocalDate endDate, @JsonProperty("attendee_count") int attendeeCount,
                @JsonProperty("session_count") int sessionCount, @JsonProperty("speaker_count") int speakerCount) {
    }

    /** {@code totalIsLowerBound}: true when more than {@code total} match (only then present). */
    record Page(List<Item> items, long total, long pages, int page, int size,
                @JsonInclude(JsonInclude.Include.NON_NULL) Boolean totalIsLowerBound) {
    }

    /** What an attendee finds of every organization: never a draft. */
    private static final String[] PUBLIC = {"PUBLISHED", "COMPLETED", "CANCELLED"};

    /** The organizations whose every conference the caller finds: those it organizes or reads for. */
    static String[] readable(Caller caller) {
        return caller.is(Role.ORGANIZER) || caller.is(Role.READER)
                ? caller.organizations().toArray(String[]::new) : new String[0];
    }

    @GetMapping("/api/events/search")
    ResponseEntity<Page> search(@RequestParam(required = false) String status,
                @RequestParam(name = "org_id", required = false) String organizationId,
                @Parameter(description = "FROM..TO: startDate >= FROM and endDate <= TO; either side may be empty")
                @RequestParam(required = false) String dates,
                @Parameter(description = "From 1; page × size at most 10000")
                @RequestParam(required = false) String page,
                @Parameter(description = "1 to 100, default 20") @RequestParam(required = false) String size,
                @Parameter(description = "Wait until every event up to this global position is applied")
                @RequestParam(required = false) Long minPosition,
                @Parameter(hidden = true) Caller caller, HttpServletRequest request) {
        var criteria = SearchCriteria.parse(status, organizationId, dates, page, size);
        return applied.answer(minPosition, () -> search(criteria, caller), request);
    }

    /**
     * Not materialized: the count stops after one row beyond the cap, and the page reads the matches in index
     * order up to its last row, instead of both going through a copy of every match.
     */
    private Page search(SearchCriteria criteria, Caller caller) {
        var items = new ArrayList<Item>();
        var total = new long[1];
        jdbc.sql("""
                        with matching as not materialized (
                            select * from dashboard
                            where (cast(:status as text) is null or status = :status)
                              and (cast(:org as text) is null or organization_id = :org)
                              and (cast(:from as date) is null or start_date >= :from)
                              and (cast(:to as date) is null or end_date <= :to)
                              and (organization_id = any(:orgs) or :attendee and status = any(:public)))
                        select counted.total, p.conference_id, p.organization_id, p.name, p.status, p.start_date,
                               p.end_date, p.attendee_count, p.session_count, p.speaker_count
                        from (select count(*) as total from (select 1 from matching limit :cap) capped) counted
                        left join lateral (select * from matching order by start_date, conference_id
                                           limit :size offset :offset) p on true""")
                .param("status", criteria.status())
                .param("org", criteria.organizationId())
                .param("from", criteria.from())
                .param("to", criteria.to())
                .param("size", criteria.size())
                .param("offset", criteria.offset())
                .param("cap", SearchCriteria.MAX_ROWS + 1)
                .param("orgs", readable(caller))
                .param("attendee", caller.is(Role.ATTENDEE))
                .param("public", PUBLIC)
                .query((rs, n) -> {
                    total[0] = rs.getLong(1);
                    if (rs.getString(2) != null) {
                        items.add(new Item(rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                                rs.getObject(6, LocalDate.class), rs.getObject(7, LocalDate.class), rs.getInt(8),
                                rs.getInt(9), rs.getInt(10)));
                    }
                    return null;
                }).list();
        boolean capped = total[0] > SearchCriteria.MAX_ROWS;
        long counted = Math.min(total[0], SearchCriteria.MAX_ROWS);
        long pages = (counted + criteria.size() - 1) / criteria.size();
        return new Page(items, counted, pages, criteria.page(), criteria.size(), capped ? Boolean.TRUE : null);
    }
}
