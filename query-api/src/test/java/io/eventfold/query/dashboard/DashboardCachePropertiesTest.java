package io.eventfold.query.dashboard;

import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNoException;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DashboardCachePropertiesTest {

    @Test
    void a_negative_size_or_a_refresh_interval_that_is_not_positive_is_refused_by_name() {
        assertThatIllegalArgumentException().isThrownBy(() -> new DashboardCacheProperties(-1, Duration.ofMillis(10)))
                .withMessageContaining("max-entries");
        assertThatIllegalArgumentException().isThrownBy(() -> new DashboardCacheProperties(128, Duration.ZERO))
                .withMessageContaining("refresh-interval");
        assertThatNoException().isThrownBy(() -> new DashboardCacheProperties(0, Duration.ofMillis(1)));
    }
}
