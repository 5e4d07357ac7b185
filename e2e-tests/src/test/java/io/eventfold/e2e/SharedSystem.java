package io.eventfold.e2e;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * One system for the test classes of a JVM that neither kill, restart nor poison anything (the fault tests keep a
 * system of their own): started by the first that asks, stopped when the test run ends ({@link Stop}, a JUnit
 * launcher session listener; the system's shutdown hook is the fallback), so that the services start once rather
 * than once per class.
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
            system = started;
        }
        return system;
    }

    static synchronized Oracle oracle() {
        system();
        return oracle;
    }

    static synchronized void stop() {
        EventFoldSystem.close(oracle, system);
        oracle = null;
        system = null;
    }

    /**
     * Stops the shared system when JUnit is done, while the JVM still runs: stopped by a shutdown hook instead, the
     * services' graceful shutdown ran into Failsafe's limit on a test JVM's exit. Registered in
     * {@code META-INF/services}; it covers the jqwik and the Jupiter classes alike.
     */
    public static final class Stop implements LauncherSessionListener {

        @Override
        public void launcherSessionClosed(LauncherSession session) {
            stop();
        }
    }
}
