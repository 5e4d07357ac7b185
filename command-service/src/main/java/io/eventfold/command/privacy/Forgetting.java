package io.eventfold.command.privacy;

import io.eventfold.command.conference.People;
import io.eventfold.privacy.PersonKeys;
import java.time.Clock;
import java.util.List;
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
        var conferences = jdbc.execute((java.sql.Connection c) -> keys.conferencesOf(c, userId));
        var at = clock.instant();
        long position = 0;
        for (var conference : conferences) {
            position = Math.max(position, people.forget(conference, userId, at));
        }
        boolean deleted = Boolean.TRUE.equals(jdbc.execute((java.sql.Connection c) -> keys.forget(c, userId)));
        return new Forgotten(userId, conferences, deleted, position);
    }
}
