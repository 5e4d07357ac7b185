package io.eventfold.projection.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What query-api's role may read, declared at every start (before the port opens): the published views, the
 * offsets and the projector's heartbeat, nothing else of the schema (registrations, dead letters and the audit
 * hold personal data or payloads).
 * A switch replaces views in place, which keeps these grants. Without the role (one superuser for every service,
 * as in tests of the projector alone) there is nothing to grant to.
 */
@Component
class ReaderGrants implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(ReaderGrants.class);
    private static final Pattern PLAIN_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    private static final String OFFSETS = "projection_offset";
    /** How far behind the projector says it is, for query-api's health (io.eventfold.projection.health). */
    private static final String HEARTBEAT = "projector_heartbeat";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final List<Projection> projections;
    private final String role;

    ReaderGrants(JdbcTemplate jdbc, TransactionTemplate transaction, List<Projection> projections,
                 ReadModelProperties properties) {
        if (!PLAIN_NAME.matcher(properties.readerRole()).matches()) {
            throw new IllegalArgumentException("eventfold.read-model.reader-role must be a plain lower-case name, not "
                    + properties.readerRole());
        }
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.projections = projections;
        this.role = properties.readerRole();
    }

    @Override
    public void afterPropertiesSet() {
        if (!jdbc.queryForObject("select exists (select from pg_roles where rolname = ?)", Boolean.class, role)) {
            log.warn("No database role {}: query-api must then connect as a role that owns the read model", role);
            return;
        }
        var readable = readable();
        transaction.executeWithoutResult(status -> {
            var schema = jdbc.queryForObject("select quote_ident(current_schema())", String.class);
            jdbc.execute("grant usage on schema %s to %s".formatted(schema, role));
            jdbc.execute("revoke all on all tables in schema %s from %s".formatted(schema, role));
            jdbc.execute("grant select on %s to %s".formatted(String.join(", ", readable), role));
        });
        log.info("Role {} may read {}", role, readable);
    }

    private List<String> readable() {
        var readable = new ArrayList<String>();
        projections.forEach(projection -> readable.addAll(projection.definition().publishedTables()));
        readable.add(OFFSETS);
        readable.add(HEARTBEAT);
        return readable;
    }
}
