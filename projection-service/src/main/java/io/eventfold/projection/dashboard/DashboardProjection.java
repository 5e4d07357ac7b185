package io.eventfold.projection.dashboard;

import io.eventfold.projection.engine.FoldingProjection;
import io.eventfold.projection.engine.Projection;
import io.eventfold.projection.engine.ProjectionDefinition;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One dashboard row per conference, with its document, folded from every event of the conference. */
@Configuration
class DashboardProjection {

    static final ProjectionDefinition DEFINITION = new ProjectionDefinition("dashboard", 1,
            List.of(DashboardStore.DASHBOARD, DashboardStore.REGISTRATIONS, DashboardStore.CANCELLATIONS),
            List.of(DashboardStore.DASHBOARD), type -> true);

    static Projection create(DashboardStore store) {
        return new FoldingProjection<>(DEFINITION, new DashboardFold(), store);
    }

    @Bean
    Projection dashboard(DashboardStore store) {
        return create(store);
    }
}
