package io.eventfold.projection.engine;

import java.sql.SQLException;
import java.util.Set;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.TransactionException;

/**
 * Tells a batch that failed because of what it holds (a value the database refuses, a row a projection cannot
 * write) from one that failed because of where it runs (connection lost, deadlock, server shutting down, schema
 * missing). Only the first kind is narrowed down to the events at fault; the second is retried whole, since
 * parking events for a fault that is not theirs would hold healthy conferences back.
 */
final class WriteFailures {

    /**
     * SQLSTATE classes of the environment: connection (08), transaction rollback such as deadlocks (40),
     * resources (53), operator intervention (57), system (58), invalid transaction state (25), internal (XX),
     * and the schema being other than the code expects (42, 3D, 3F, 0A).
     */
    private static final Set<String> ENVIRONMENT = Set.of("08", "40", "53", "57", "58", "25", "XX", "42", "3D",
            "3F", "0A");

    private WriteFailures() {
    }

    /** Whether the failure may be the fault of some event in the batch, so that narrowing it can find it. */
    static boolean mayBeTheEvents(Throwable failure) {
        for (var cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof TransientDataAccessException || cause instanceof RecoverableDataAccessException
                    || cause instanceof TransactionException || cause instanceof FencedBatchException
                    || cause instanceof Error) {
                return false;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().length() >= 2
                    && ENVIRONMENT.contains(sql.getSQLState().substring(0, 2))) {
                return false;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() == null) {
                return false; // the driver's own I/O failures carry no state
            }
        }
        return true;
    }
}
