package io.eventfold.projection.dashboard;

import io.eventfold.contracts.PersonalEvent;
import io.eventfold.contracts.person.PersonForgotten;
import io.eventfold.contracts.registration.PersonRegistered;
import io.eventfold.contracts.registration.RegistrationCancelled;
import io.eventfold.messaging.IsoInstant;
import io.eventfold.projection.engine.EventEnvelope;
import io.eventfold.projection.engine.FoldStore;
import io.eventfold.projection.engine.Generation;
import io.eventfold.projection.dashboard.DashboardFold.Result;
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
class DashboardStore implements FoldStore<Result> {

    static final String DASHBOARD = "dashboard";
    static final String REGISTRATIONS = "dashboard_registration";
    static final String CANCELLATIONS = "dashboard_cancellation";

    /** The busy conferences of a large installation, within the projector's heap. */
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
    @Override
    public Map<String, Result> load(Generation g, Collection<String> eventIds) {
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
        var found = new HashMap<String, Result>();
        jdbc.query("""
                        select d.conference_id, case when d.version = c.version then null else d.document_gzip end
                        from %s d
                        join unnest(?::text[], ?::bigint[]) as c(conference_id, version) using (conference_id)
                        for update of d""".formatted(table),
                rs -> {
                    var gzip = rs.getBytes(2);
                    found.put(rs.getString(1), new Result(gzip != null
                            ? json.readValue(Gzip.decompress(gzip), Dashboard.class) : cached.get(rs.getString(1)),
                            false));
                },
                ids, cachedVersions);
        return found;
    }

    /**
     * The registrations the batch added and cancelled, those of people it forgot, the refilled lists of five
     * newest (which then show the forgotten as such), then the rows.
     */
    @Override
    public void save(Generation g, Folded<Result> folded) {
        var added = new ArrayList<AddedRegistration>();
        var cancelled = new ArrayList<CancelledRegistration>();
        var forgotten = new ArrayList<ForgottenPerson>();
        for (var envelope : folded.applied()) {
            remember(envelope, added, cancelled);
            if (envelope.event() instanceof PersonForgotten person) {
                forgotten.add(new ForgottenPerson(person.eventId(), person.userId(), envelope.version()));
            }
        }
        saveRegistrations(g, added, cancelled);
        forgetRegistrations(g, forgotten);
        var refill = folded.changed().values().stream().filter(Result::needsRecentRefill)
                .map(r -> r.dashboard().event().id()).toList();
        var recent = refill.isEmpty() ? Map.<String, List<Registration>>of() : recentRegistrations(g, refill);
        save(g, folded.changed().values().stream().map(r -> r.needsRecentRefill()
                ? r.dashboard().withRecentRegistrations(recent.getOrDefault(r.dashboard().event().id(), List.of()))
                : r.dashboard()).toList());
    }

    private static void remember(EventEnvelope envelope, List<AddedRegistration> added,
                                 List<CancelledRegistration> cancelled) {
        if (envelope.event() instanceof PersonRegistered registered) {
            added.add(new AddedRegistration(registered.eventId(), DashboardFold.registration(registered),
                    envelope.version()));
        } else if (envelope.event() instanceof RegistrationCancelled cancel) {
            cancelled.add(new CancelledRegistration(cancel.eventId(), cancel.registrationId()));
        }
    }

    /**
     * Stores each document in its gzip form only: it is rewritten with every batch that touches its conference,
     * and clients that do not take gzip are rare enough to inflate for.
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
                insert into %1$s (conference_id, organization_id, name, status, start_date, end_date, capacity,
                                         attendee_count, session_count, speaker_count, version, etag, document_gzip)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (conference_id) do update set
                    organization_id = excluded.organization_id, name = excluded.name, status = excluded.status,
                    start_date = excluded.start_date, end_date = excluded.end_date, capacity = excluded.capacity,
                    attendee_count = excluded.attendee_count, session_count = excluded.session_count,
                    speaker_count = excluded.speaker_count, version = excluded.version,
                    etag = excluded.etag, document_gzip = excluded.document_gzip
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
     * only appended: a cancellation is a row of its own, so nothing looks a registration up.
     * Grouped by conference (each group in batch order), a conference's rows go into the same index leaf one
     * after another and lie together in the table, where its refill reads them. Grouped, not sorted: a sort
     * by conference id costs the consumer thread more.
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
                        .field(a.version()).endRow();
            }
        }
        rows.copyInto(jdbc, g.table(REGISTRATIONS)
                + " (conference_id, registration_id, user_id, name, email, role, registered_at, version)");
        var cancellations = new CopyRows();
        for (var c : cancelled) {
            cancellations.field(c.eventId()).field(c.registrationId()).endRow();
        }
        cancellations.copyInto(jdbc, g.table(CANCELLATIONS) + " (conference_id, registration_id)");
    }

    /** A person forgotten in a conference, at the version of that event. */
    record ForgottenPerson(String eventId, String userId, long version) {
    }

    /**
     * Their registrations before the forgetting read as forgotten, as their sealed events would without a key; one
     * made afterwards (a new key) stays. Forgetting is rare: one statement, and only in a batch that forgets.
     */
    void forgetRegistrations(Generation g, List<ForgottenPerson> forgotten) {
        if (forgotten.isEmpty()) {
            return;
        }
        jdbc.update("""
                        update %s r set name = ?, email = ?
                        from unnest(?::text[], ?::text[], ?::bigint[]) as f(conference_id, user_id, version)
                        where r.conference_id = f.conference_id and r.user_id = f.user_id and r.version < f.version"""
                        .formatted(g.table(REGISTRATIONS)),
                PersonalEvent.FORGOTTEN, PersonalEvent.FORGOTTEN,
                forgotten.stream().map(ForgottenPerson::eventId).toArray(String[]::new),
                forgotten.stream().map(ForgottenPerson::userId).toArray(String[]::new),
                forgotten.stream().map(ForgottenPerson::version).toArray(Long[]::new));
    }

    /**
     * The newest active registrations of each conference, in dashboard order: per conference, its rows by the
     * conference's index, less the cancelled ones, and a top-N sort (a window over all of them sorted every row
     * of the conference).
     */
    Map<String, List<Registration>> recentRegistrations(Generation g, Collection<String> eventIds) {
        var recent = new HashMap<String, List<Registration>>();
        jdbc.query("""
                        select c.conference_id, r.registration_id, r.user_id, r.name, r.email, r.role, r.registered_at
                        from unnest(?::text[]) as c(conference_id)
                        cross join lateral (select * from %s r
                                            where r.conference_id = c.conference_id
                                              and not exists (select from %s x
                                                              where x.conference_id = r.conference_id
                                                                and x.registration_id = r.registration_id)
                                            order by r.registered_at desc, r.version desc
                                            limit ?) r
                        order by c.conference_id, r.registered_at desc, r.version desc"""
                        .formatted(g.table(REGISTRATIONS), g.table(CANCELLATIONS)),
                rs -> {
                    recent.computeIfAbsent(rs.getString(1), id -> new ArrayList<>()).add(new Registration(
                            rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                            rs.getTimestamp(7).toInstant()));
                },
                eventIds.toArray(String[]::new), Dashboard.RECENT);
        return recent;
    }
}
