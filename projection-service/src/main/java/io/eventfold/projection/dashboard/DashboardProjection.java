package io.eventfold.projection.dashboard;

import io.eventfold.projection.consumer.EventEnvelope;
import io.eventfold.projection.consumer.Generation;
import io.eventfold.projection.consumer.Parking;
import io.eventfold.projection.consumer.Projection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * One dashboard row per conference. Per batch: load the touched rows, fold every new event in memory, then
 * write each changed row once. Events at or below a row's version were applied before and are skipped.
 */
@Component
class DashboardProjection implements Projection {

    private final DashboardStore store;

    DashboardProjection(DashboardStore store) {
        this.store = store;
    }

    @Override
    public String name() {
        return "dashboard";
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public List<String> tables() {
        return List.of(DashboardStore.DASHBOARD, DashboardStore.REGISTRATIONS, DashboardStore.CANCELLATIONS);
    }

    @Override
    public List<String> publishedTables() {
        return List.of(DashboardStore.DASHBOARD);
    }

    @Override
    public void apply(List<EventEnvelope> batch, Parking parking, Generation generation) {
        var ids = batch.stream().map(EventEnvelope::conferenceId).distinct().toList();
        var fold = new BatchFold(store.load(generation, ids)).apply(batch, parking);
        store.saveRegistrations(generation, fold.added, fold.cancelled);
        refillRecent(generation, fold.dashboards, fold.refill);
        store.save(generation, fold.changedDashboards());
    }

    private void refillRecent(Generation generation, Map<String, Dashboard> dashboards, Set<String> refill) {
        if (refill.isEmpty()) {
            return;
        }
        var recent = store.recentRegistrations(generation, refill);
        for (var id : refill) {
            dashboards.put(id, dashboards.get(id).withRecentRegistrations(recent.getOrDefault(id, List.of())));
        }
    }
}
