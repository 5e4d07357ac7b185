package io.eventfold.command.axon;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventfold.command.CommandServiceTest;
import java.util.List;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

@CommandServiceTest
class CustomPlanGapFetchIT {

    @Autowired
    EventStorageEngine engine;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    JdbcClient jdbc;

    @Test
    void a_fetch_with_gaps_is_planned_with_its_values_and_only_in_its_own_transaction() {
        var withGaps = GapAwareTrackingToken.newInstance(1_000_000, List.of(999_990L, 999_995L));

        var during = transaction.execute(status -> {
            ((EventStoreConfig.PostgresEventStorage) engine).fetchEvents(withGaps);
            return planCacheMode();
        });
        var after = transaction.execute(status -> planCacheMode());

        assertThat(during).isEqualTo("force_custom_plan");
        assertThat(after).isEqualTo("auto");
    }

    @Test
    void a_fetch_without_gaps_keeps_the_cached_plans() {
        var noGaps = GapAwareTrackingToken.newInstance(1_000_000, List.of());

        var during = transaction.execute(status -> {
            ((EventStoreConfig.PostgresEventStorage) engine).fetchEvents(noGaps);
            return planCacheMode();
        });

        assertThat(during).isEqualTo("auto");
    }

    private String planCacheMode() {
        return jdbc.sql("select current_setting('plan_cache_mode')").query(String.class).single();
    }
}
