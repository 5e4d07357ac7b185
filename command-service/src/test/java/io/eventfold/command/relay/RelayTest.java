package io.eventfold.command.relay;

import io.eventfold.command.CommandServiceTest;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.test.context.TestPropertySource;

/**
 * The command-service with short writer timeouts, gap window and stuck-relay bound, so that gaps age within a
 * test; and a producer interceptor that can make one send slow ({@link SlowSends}). One context (and database
 * and topic) for every relay test class, apart from the other command-service tests'.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@CommandServiceTest
@TestPropertySource(properties = {
        "eventfold.db.statement-timeout=1s",
        "eventfold.db.idle-in-transaction-timeout=1500ms",
        "eventfold.relay.gap-window=" + RelayTest.GAP_WINDOW_MILLIS + "ms",
        "eventfold.relay.health.stuck-after=1s",
        "spring.kafka.producer.properties.interceptor.classes=io.eventfold.command.relay.SlowSends"})
@interface RelayTest {

    long GAP_WINDOW_MILLIS = 3000;
}
