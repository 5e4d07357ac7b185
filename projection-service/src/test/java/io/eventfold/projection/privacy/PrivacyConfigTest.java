package io.eventfold.projection.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventfold.privacy.PersonKeys;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class PrivacyConfigTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(PrivacyConfig.class);

    @Test
    void without_a_master_key_keys_are_read_as_stored_and_with_one_they_are_unwrapped() {
        context.run(started -> assertThat(started).hasSingleBean(PersonKeys.class));
        context.withPropertyValues("eventfold.privacy.master-key=" + Base64.getEncoder().encodeToString(new byte[32]))
                .run(started -> assertThat(started).hasSingleBean(PersonKeys.class));
    }

    @Test
    void a_malformed_master_key_stops_the_start_and_the_reason_shows_no_part_of_it() {
        context.withPropertyValues("eventfold.privacy.master-key=c2VjcmV0LXNob3J0").run(started -> {
            assertThat(started).hasFailed();
            assertThat(started.getStartupFailure()).rootCause().hasMessageContaining("must be 32 bytes")
                    .message().doesNotContain("c2VjcmV0LXNob3J0");
        });
    }
}
