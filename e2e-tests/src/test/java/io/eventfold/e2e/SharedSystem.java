package io.eventfold.e2e;

/**
 * One system for the test classes of a JVM that neither kill, restart nor poison anything (the fault tests keep a
 * system of their own): started by the first that asks, stopped when the JVM exits (its shutdown hook), so that
 * the services start once rather than once per class.
 *
 * <p>Those classes see each other's data, so each works on conferences of its own (fresh ids), and every command
 * they send is mirrored into the {@link #oracle() oracle}'s classic tables: the correctness oracle compares
 * whole searches and counts, which take in every conference on the system.
 */
final class SharedSystem {

    private static EventFoldSystem system;
    private static Oracle oracle;

    private SharedSystem() {
    }

    static synchronized EventFoldSystem system() {
        if (system == null) {
            var started = EventFoldSystem.start();
            try {
                oracle = new Oracle(started);
            } catch (RuntimeException e) {
                started.close();
                throw e;
            }
            // After the system's own hook or before it: the pool only talks to the shared test database.
            Runtime.getRuntime().addShutdownHook(new Thread(oracle::close, "shared-oracle-close"));
            system = started;
        }
        return system;
    }

    static synchronized Oracle oracle() {
        system();
        return oracle;
    }
}
