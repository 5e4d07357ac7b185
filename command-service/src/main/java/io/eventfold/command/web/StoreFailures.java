package io.eventfold.command.web;

import io.eventfold.command.conference.ConferenceBusyException;
import io.eventfold.command.conference.StaleConferenceException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import org.axonframework.common.lock.LockAcquisitionFailedException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Failures that say nothing about the request, only that the event store could not be reached or could not
 * confirm a commit: a lost connection, a database restarting, a pool with no free connection, a commit whose
 * outcome is unknown. The transaction is rolled back (or was committed whole), so the client may retry.
 */
final class StoreFailures {

    private StoreFailures() {
    }

    /** A conference too busy to take the command, found anywhere in the chain of causes. */
    static boolean isContention(Throwable failure) {
        for (var cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConferenceBusyException || cause instanceof LockAcquisitionFailedException
                    || cause instanceof ConcurrencyException) {
                return true;
            }
        }
        return false;
    }

    static boolean isStoreFailure(Throwable failure) {
        SQLException deepest = null;
        for (var cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLTransientException || cause instanceof SQLRecoverableException
                    || cause instanceof TransientDataAccessException
                    || cause instanceof DataAccessResourceFailureException
                    || cause instanceof CannotCreateTransactionException
                    || cause instanceof TransactionSystemException
                    || cause instanceof StaleConferenceException) {
                return true;
            }
            if (cause instanceof SQLException sql) {
                deepest = sql;
            }
        }
        return deepest != null && isTransientState(deepest.getSQLState());
    }

    /**
     * SQLSTATE classes: 08 connection, 53 out of resources, 57P shutdown or terminated, 40 rolled back; and the
     * writers' own bounds, which end the transaction: 57014 a statement timed out, 25P03 a session idle in its
     * transaction too long (as every such session is, once a paused PostgreSQL resumes). No state at all comes
     * from the driver or pool, not the database: Hikari's "Connection is closed", say, once Axon went on past
     * a snapshot read that lost the connection.
     */
    static boolean isTransientState(String state) {
        return state == null || state.startsWith("08") || state.startsWith("53") || state.startsWith("57P")
                || state.startsWith("40") || state.equals("57014") || state.equals("25P03");
    }
}
