package io.eventfold.projection.dashboard;

import io.eventfold.messaging.IsoInstant;
import io.eventfold.projection.consumer.Generation;
import io.eventfold.projection.dashboard.Dashboard.Registration;
import java.sql.Date;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Set-based SQL for the dashboard tables: a fixed number of statements per batch, whatever its size. */
@Component
class DashboardStore {

    static final String DASHBOARD = "dashboard";
    static final String REGISTRATIONS = "dashboard_registration";
    static final String CANCELLATIONS = "dashboard_cancellation";

    /** The busy conferences of a large installation; the benchmark's million-event replay stays in 512 MiB. */
    private static final int CACHED_DASHBOARDS = 2_000;

    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final DashboardCache cache = new DashboardCache(CACHED_DASHBOARDS);
    private final DashboardJson documents;

    DashboardStore(JdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
        this.documents = new DashboardJson(json);
    }

    /**
     * Locks the rows so that two writers of one conference (say, during a rebalance) take turns. A row whose
     * version is the cached one's is not read again: the query returns its document only when it differs.
     */
    Map<String, Dashboard> load(Generation g, Collection<String> eventIds) {
        var table = g.table(DASHBOARD);
        var ids = eventIds.toArray(String[]::new);
        var cached = new HashMap<String, Dashboard>();
        var cachedVersions = new Long[ids.length];
        for (int i = 0; i < ids.length; i++) {
            var entry = cache.get(table, ids[i]);
            cachedVersions[i] = entry == null ? -1L : entry.dashboard().version();
            if (entry != null) {
                cached.put(ids[i], entry.dashboard());
            }
        }
        var found = new HashMap<String, Dashboard>();
        jdbc.query("""
                        select d.event_id, case when d.version = c.version then null else d.document_gzip end,
                               case when d.version = c.version or d.document_gzip is not null then null
                                    else d.document end
                        from %s d join unnest(?::text[], ?::bigint[]) as c(event_id, version) using (event_id)
                        for update of d""".formatted(table),
                rs -> {
                    var id = rs.getString(1);
                    var gzip = rs.getBytes(2);
                    var text = rs.getString(3);
                    found.put(id, gzip != null ? json.readValue(Gzip.decompress(gzip), Dashboard.class)
                            : text != null ? json.readValue(text, Dashboard.class) : cached.get(id));
                },
                ids, cachedVersions);
        return found;
    }

    /**
     * Stores each document in its gzip form only: the text was seven times the bytes, rewritten with every
     * batch that touched its conference, and clients that do not take gzip are rare enough to inflate for. A
     * row written before (text only) loses its text, so the two forms never disagree.
     */
    void save(Generation g, Collection<Dashboard> dashboards) {
        var table = g.table(DASHBOARD);
        var rows = new ArrayList<Object[]>();
        var written = new ArrayList<DashboardCache.Entry>();
        for (var d : dashboards) {
            var e = d.event();
            var document = documents.write(d, cache.get(table, e.id()));
            written.add(new DashboardCache.Entry(d, document));
            rows.add(new Object[] {e.id(), e.organizationId(), e.name(), e.status(), Date.valueOf(e.startDate()),
                    Date.valueOf(e.endDate()), e.capacity(), d.stats().attendeeCount(), d.stats().sessionCount(),
                    d.stats().speakerCount(), d.version(), document.etag(d.version()), document.gzip()});
        }
        jdbc.batchUpdate("""
                insert into %1$s (event_id, organization_id, name, status, start_date, end_date, capacity,
                                         attendee_count, session_count, speaker_count, version, etag, document_gzip)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (event_id) do update set
                    organization_id = excluded.organization_id, name = excluded.name, status = excluded.status,
                    start_date = excluded.start_date, end_date = excluded.end_date, capacity = excluded.capacity,
                    attendee_count = excluded.attendee_count, session_count = excluded.session_count,
                    speaker_count = excluded.speaker_count, version = excluded.version,
                    document = null, etag = excluded.etag, document_gzip = excluded.document_gzip
                where %1$s.version < excluded.version""".formatted(table), rows);
        cache.putAfterCommit(table, written);
    }

    /** A registration new to the conference's dashboard, at the version of its event. */
    record AddedRegistration(String eventId, Registration registration, long version) {
    }

    /** A registration leaving its conference's dashboard. */
    record CancelledRegistration(String eventId, String registrationId) {
    }

    /**
     * Plain COPY, no conflict handling: a registration event is applied once per generation (its version is
     * above the dashboard row's, which this transaction holds locked), so its row cannot exist yet. Rows are
     * only appended: a cancellation is a row of its own (read-model V13), so nothing looks a registration up.
     * Grouped by conference (each group in batch order), a conference's rows go into the same index leaf one
     * after another and lie together in the table, where its refill reads them. Grouped, not sorted: a sort
     * by conference id took 2-3% of the consumer thread.
     */
    void saveRegistrations(Generation g, List<AddedRegistration> added, List<CancelledRegistration> cancelled) {
        var byConference = new LinkedHashMap<String, List<AddedRegistration>>();
        added.forEach(a -> byConference.computeIfAbsent(a.eventId(), id -> new ArrayList<>()).add(a));
        var rows = new CopyRows();
        for (var group : byConference.values()) {
            for (var a : group) {
                var r = a.registration();
                rows.field(a.eventId()).field(r.registrationId()).field(r.userId()).field(r.name())
                        .field(r.email()).field(r.role()).field(IsoInstant.format(r.registeredAt()))
                        .field(a.version()).field("t").endRow();
            }
        }
        rows.copyInto(jdbc, g.table(REGISTRATIONS)
                + " (event_id, registration_id, user_id, name, email, role, registered_at, version, active)");
        var cancellations = new CopyRows();
        for (var c : cancelled) {
            cancellations.field(c.eventId()).field(c.registrationId()).endRow();
        }
        cancellations.copyInto(jdbc, g.table(CANCELLATIONS) + " (event_id, registration_id)");
    }

    /**
     * The newest active registrations of each conference, in dashboard order: per conference, its rows by the
     * conference's index, less the cancelled ones, and a top-N sort (a window over all of them sorted every row
     * of the conference). {@code active} is false only on rows cancelled before V13.
     */
    Map<String, List<Registration>> recentRegistrations(Generation g, Collection<String> eventIds) {
        var recent = new HashMap<String, List<Registration>>();
        jdbc.query("""
                        select c.event_id, r.registration_id, r.user_id, r.name, r.email, r.role, r.registered_at
                        from unnest(?::text[]) as c(event_id)
                        cross join lateral (select * from %s r
                                            where r.event_id = c.event_id and r.active
                                              and not exists (select from %s x
                                                              where x.event_id = r.event_id
                                                                and x.registration_id = r.registration_id)
                                            order by r.registered_at desc, r.version desc
                                            limit ?) r
                        order by c.event_id, r.registered_at desc, r.version desc""".formatted(g.table(REGISTRATIONS),
                        g.table(CANCELLATIONS)),
                rs -> {
                    recent.computeIfAbsent(rs.getString(1), id -> new ArrayList<>()).add(new Registration(
                            rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                            rs.getTimestamp(7).toInstant()));
                },
                eventIds.toArray(String[]::new), Dashboard.RECENT);
        return recent;
    }
}
