package io.eventfold.projection.dashboard;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The dashboards this instance wrote last, per generation, so that the next batch of a busy conference need
 * not read and parse its document again,
 * nor serialize and deflate its unchanged event and sessions again. An entry is only a hint: the store uses it
 * when the row's version in the table is the entry's version, and the fold is deterministic, so one version of a
 * row has one content.
 * Entries are added once their transaction has committed, so a rolled-back batch leaves nothing behind;
 * least recently used ones go first.
 */
final class DashboardCache {

    /** A dashboard, and the parts of its document that later ones may share with it. */
    record Entry(Dashboard dashboard, Gzip.Piece head, Gzip.Piece sessions) {

        Entry(Dashboard dashboard, DashboardJson.Document written) {
            this(dashboard, written.head(), written.sessions());
        }
    }

    private final Map<String, Entry> entries;

    DashboardCache(int capacity) {
        this.entries = new LinkedHashMap<>(capacity, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
                return size() > capacity;
            }
        };
    }

    synchronized Entry get(String table, String eventId) {
        return entries.get(key(table, eventId));
    }

    void putAfterCommit(String table, Collection<Entry> written) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            put(table, written);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                put(table, written);
            }
        });
    }

    private synchronized void put(String table, Collection<Entry> written) {
        written.forEach(e -> entries.put(key(table, e.dashboard().event().id()), e));
    }

    private static String key(String table, String eventId) {
        return table + '/' + eventId;
    }
}
