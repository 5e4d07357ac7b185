package io.eventfold.command.relay;

import jakarta.persistence.EntityManager;
import org.axonframework.common.jpa.EntityManagerProvider;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.jpa.TokenEntry;
import org.axonframework.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends watermarks when no batch does: the relay sends them after each batch only, and with no further traffic
 * a gap that will never be filled would hold them for good. Reads the relay's stored token, which the processor
 * commits only once its batch and the batch's watermarks are acknowledged, so every event up to it, apart from
 * its gaps, is on the topic. Only the instance whose relay holds the segment sends.
 */
@Component
class WatermarkTicker {

    private static final Logger log = LoggerFactory.getLogger(WatermarkTicker.class);

    private final Watermarks watermarks;
    private final EntityManagerProvider entities;
    private final Serializer tokenSerializer;
    private final ObjectProvider<Configuration> axon;
    private final TransactionTemplate readOnly;

    /** {@code serializer}: the one Axon's JPA token store is built with (its auto-configuration's). */
    WatermarkTicker(Watermarks watermarks, EntityManagerProvider entities, Serializer serializer,
                    ObjectProvider<Configuration> axon, PlatformTransactionManager transactions) {
        this.watermarks = watermarks;
        this.entities = entities;
        this.tokenSerializer = serializer;
        this.axon = axon;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    @Scheduled(fixedDelayString = "${eventfold.relay.watermark-interval}")
    void tick() {
        if (!relayRunsHere()) {
            return;
        }
        try {
            Long complete = readOnly.execute(status -> {
                var token = storedToken(entities.getEntityManager(), tokenSerializer);
                return token == null ? null : watermarks.completeUpTo(token);
            });
            if (complete != null && watermarks.publishIfAhead(complete)) {
                log.debug("Watermark {} sent without a batch", complete);
            }
        } catch (RuntimeException e) {
            log.warn("No watermark from the relay's stored token this time: {}", e.toString());
        }
    }

    /**
     * Read without a lock and without claiming it ({@code TokenStore.fetchToken} would do both): the ticker must
     * neither wait for the relay's batch nor keep the segment for this instance (nor may {@link RelayLag}).
     */
    static TrackingToken storedToken(EntityManager entityManager, Serializer tokenSerializer) {
        var entry = entityManager.find(TokenEntry.class, new TokenEntry.PK(KafkaRelay.PROCESSING_GROUP, 0));
        return entry == null ? null : entry.getToken(tokenSerializer);
    }

    private boolean relayRunsHere() {
        var configuration = axon.getIfAvailable();
        return configuration != null && configuration.eventProcessingConfiguration()
                .eventProcessor(KafkaRelay.PROCESSING_GROUP, TrackingEventProcessor.class)
                .map(processor -> processor.processingStatus().containsKey(0))
                .orElse(false);
    }
}
