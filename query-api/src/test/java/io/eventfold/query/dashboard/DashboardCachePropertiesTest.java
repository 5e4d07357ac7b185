package io.eventfold.query.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNoException;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class DashboardCachePropertiesTest {

    private static final DataSize MB = DataSize.ofMegabytes(1);

    @Test
    void a_negative_size_or_a_refresh_interval_that_is_not_positive_is_refused_by_name() {
        assertThatIllegalArgumentException().isThrownBy(() -> new DashboardCacheProperties(-1, MB,
                Duration.ofMillis(10))).withMessageContaining("max-entries");
        assertThatIllegalArgumentException().isThrownBy(() -> new DashboardCacheProperties(128,
                DataSize.ofBytes(-1), Duration.ofMillis(10))).withMessageContaining("max-bytes");
        assertThatIllegalArgumentException().isThrownBy(() -> new DashboardCacheProperties(128, MB, Duration.ZERO))
                .withMessageContaining("refresh-interval");
        assertThatNoException().isThrownBy(() -> new DashboardCacheProperties(0, MB, Duration.ofMillis(1)));
    }

    @Test
    void a_copy_weighs_its_bytes_but_at_least_its_share_so_neither_bound_is_passed() {
        var properties = new DashboardCacheProperties(4, MB, Duration.ofMillis(10));

        assertThat(properties.weigh(10)).isEqualTo(MB.toBytes() / 4);
        assertThat(properties.weigh(600_000)).isEqualTo(600_000);
        assertThat(properties.maxWeight()).isEqualTo(MB.toBytes());
        assertThat(new DashboardCacheProperties(0, MB, Duration.ofMillis(10)).maxWeight()).isZero();
    }
}
