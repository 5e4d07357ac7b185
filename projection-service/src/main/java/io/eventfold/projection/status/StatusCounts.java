package io.eventfold.projection.status;

import io.eventfold.contracts.EventTypes;
import io.eventfold.contracts.conference.ConferenceScheduled;
import io.eventfold.contracts.conference.ConferenceStatusChanged;
import io.eventfold.projection.engine.FoldingProjection;
import io.eventfold.projection.engine.Projection;
import io.eventfold.projection.engine.ProjectionDefinition;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Conferences per (organization, status), read by query-api's counts by status. */
@Configuration
class StatusCounts {

    private static final Set<String> HANDLED = Stream.of(ConferenceScheduled.class, ConferenceStatusChanged.class)
            .map(type -> EventTypes.wireNameOf(type).orElseThrow()).collect(Collectors.toUnmodifiableSet());

    static final ProjectionDefinition DEFINITION = new ProjectionDefinition("status-counts", 1,
            List.of(StatusCountStore.COUNTS, StatusCountStore.STATUSES), List.of(StatusCountStore.COUNTS),
            HANDLED::contains);

    @Bean
    Projection statusCountProjection(StatusCountStore store) {
        return new FoldingProjection<>(DEFINITION, new StatusFold(), store);
    }
}
