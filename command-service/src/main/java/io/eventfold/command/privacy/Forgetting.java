package io.eventfold.command.privacy;

import io.eventfold.command.conference.People;
import io.eventfold.privacy.PersonKeys;
import io.eventfold.contracts.PersonalEvent;
import io.eventfold.messaging.upcast.Upcasters;
import java.sql.Connection;
import java.time.Clock;
import java.util.List;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Forgets a person: each conference holding sealed data of theirs records it (so live dashboards drop them),
 * then their key is deleted (so nothing sealed with it opens again, in any rebuild). Crashed half way, a retry
 * does both again; done, it finds nothing left to do.
 */
@Component
class Forgetting {

    /** What was done: the conferences told, whether a key was deleted, and the store position to wait for. */
    record Forgotten(String userId, List<String> conferences, boolean keyDeleted, long position) {
    }

    private static final String[] OLDER_PERSONAL_EVENTS =
            Upcasters.EVENTFOLD.olderNamesOf(PersonalEvent.class).toArray(String[]::new);

    private final JdbcTemplate jdbc;
    private final PersonKeys keys;
    private final People people;
    private final Clock clock;

    Forgetting(DataSource dataSource, PersonKeys keys, People people, Clock clock) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.keys = keys;
        this.people = people;
        this.clock = clock;
    }

    Forgotten forget(String userId) {
        var conferences = new TreeSet<>(jdbc.execute((Connection c) -> keys.conferencesOf(c, userId)));
        conferences.addAll(inClearEvents(userId));
        var at = clock.instant();
        long position = 0;
        for (var conference : conferences) {
            position = Math.max(position, people.forget(conference, userId, at));
        }
        boolean deleted = Boolean.TRUE.equals(jdbc.execute((Connection c) -> keys.forget(c, userId)));
        return new Forgotten(userId, List.copyOf(conferences), deleted, position);
    }

    /**
     * Conferences where the person appears in events stored before sealing (noted nowhere): a scan of those
     * rows, until the migration has sealed them all (docs/privacy-migration.md).
     */
    private List<String> inClearEvents(String userId) {
        return jdbc.queryForList("""
                select distinct aggregate_identifier from domain_event_entry where payload_type = any(?)
                and convert_from(payload, 'UTF8')::jsonb ->> 'userId' = ?""", String.class,
                OLDER_PERSONAL_EVENTS, userId);
    }
}
