package io.eventfold.query.freshness;

import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Listens for the read model's commits (the schema's {@code read_model_changed} notifications) on a
 * connection of its own, and calls {@code changed} after each. While it cannot listen — the database is
 * down, or a read replica, where PostgreSQL refuses {@code LISTEN} — it says so, and waiters poll instead.
 */
final class ReadModelChanges implements AutoCloseable {

    static final String CHANNEL = "read_model_changed";
    private static final Logger log = LoggerFactory.getLogger(ReadModelChanges.class);
    /** How long one wait for notifications blocks: the thread sees {@link #close()} within it. */
    private static final int POLL_MILLIS = 500;

    /** Told whether notifications arrive, and that the read model changed. */
    interface Listener {

        void listening(boolean listening);

        void changed();
    }

    private final DataSource dataSource;
    private final Listener listener;
    private final Duration retry;
    private final Thread thread;
    private volatile boolean closed;
    /** Whether this attempt got as far as listening: its failure starts a new outage. */
    private boolean listened;

    ReadModelChanges(DataSource dataSource, Listener listener, Duration retry) {
        this.dataSource = dataSource;
        this.listener = listener;
        this.retry = retry;
        this.thread = new Thread(this::run, "read-model-changes");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        boolean warned = false;
        while (!closed) {
            listened = false;
            try {
                listen();
            } catch (SQLException | RuntimeException e) {
                listener.listening(false);
                // Once per outage, not per retry: a replica refuses every retry the same way.
                warned &= !listened;
                if (!warned && !closed) {
                    log.warn("Cannot listen for read-model changes; read-your-writes waits poll until it can", e);
                    warned = true;
                }
                pause();
            }
        }
    }

    private void listen() throws SQLException {
        try (var connection = dataSource.getConnection(); var statement = connection.createStatement()) {
            statement.execute("listen " + CHANNEL);
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
            var notifications = connection.unwrap(PGConnection.class);
            listener.listening(true);
            listened = true;
            // Whatever committed before the listen took effect is read now, not at the next notification.
            listener.changed();
            while (!closed) {
                var received = notifications.getNotifications(POLL_MILLIS);
                if (received != null && received.length > 0) {
                    listener.changed();
                }
            }
        }
    }

    private void pause() {
        try {
            Thread.sleep(retry.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closed = true;
        }
    }

    @Override
    public void close() {
        closed = true;
    }
}
