package io.eventfold.e2e;

import java.util.EnumSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The fault tests' setting: the three services on a fresh database and topic, and the correctness oracle. The
 * services trust the test issuer, as every service process does; the {@link Operator} sends an operator token.
 */
abstract class FullSystemIT {

    static EventFoldSystem system;
    static Oracle oracle;

    @BeforeAll
    static void startSystem() {
        system = EventFoldSystem.start(EnumSet.allOf(EventFoldSystem.Service.class));
        oracle = new Oracle(system);
    }

    @AfterAll
    static void stopSystem() {
        EventFoldSystem.close(oracle, system);
    }
}
