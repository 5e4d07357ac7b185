package io.eventfold.projection.deadletter;

import io.eventfold.projection.engine.ConsumerProperties;
import io.eventfold.projection.engine.Parking;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Retries, for a bounded time, the conferences held back only by gaps in their versions (an event that arrived
 * before one it builds on) or only by letters waiting behind nothing that still fails: once the missing event
 * has arrived, a retry applies them all in version order. A gap older than {@code gapWait}, and any conference
 * with a real failure, waits for an operator's retry or skip.
 */
@Component
class GapHealer {

    private static final Logger log = LoggerFactory.getLogger(GapHealer.class);

    private final JdbcTemplate jdbc;
    private final DeadLetterRetry retry;
    private final ConsumerProperties properties;

    GapHealer(JdbcTemplate jdbc, DeadLetterRetry retry, ConsumerProperties properties) {
        this.jdbc = jdbc;
        this.retry = retry;
        this.properties = properties;
    }

    @Scheduled(fixedDelayString = "${eventfold.projection.gap-retry:5s}")
    void retryGaps() throws InterruptedException {
        var letters = jdbc.queryForList("""
                        select min(id) from dead_letter where state = 'PARKED'
                        group by projection, generation, conference_id
                        having bool_and(reason like ? or reason like ?)
                           and min(created_at) > now() - make_interval(secs => ?)""",
                Long.class, Parking.GAP + "%", Parking.WAITING + "%", properties.gapWait().toSeconds());
        for (var letter : letters) {
            try {
                retry.retry(letter).ifPresent(outcome -> log.info("Gap retry of dead letter {}: {}", letter, outcome));
            } catch (InterruptedException e) {
                throw e;
            } catch (Exception e) {
                log.warn("Gap retry of dead letter {} failed; trying again later", letter, e);
            }
        }
    }
}
