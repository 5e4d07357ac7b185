package io.eventfold.command.relay;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * PostgreSQL's limits on every command-service session, as application.properties hands them to the driver
 * ({@code options}); bound here to check them against the relay's gap window at start-up.
 *
 * @param statementTimeout          {@code statement_timeout}
 * @param idleInTransactionTimeout  {@code idle_in_transaction_session_timeout}
 */
@ConfigurationProperties(prefix = "eventfold.db")
record WriterTimeouts(Duration statementTimeout, Duration idleInTransactionTimeout) {

    /**
     * How long a writer may still hold a position it drew: the rest of its INSERT, then the pause before its
     * COMMIT. The writers here draw positions in the last statements before they commit.
     */
    Duration writerBound() {
        return statementTimeout.plus(idleInTransactionTimeout);
    }
}
