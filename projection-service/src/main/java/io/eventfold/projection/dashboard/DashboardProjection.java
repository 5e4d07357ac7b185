package io.eventfold.projection.dashboard;

import io.eventfold.contracts.registration.PersonRegistered;
import io.eventfold.contracts.registration.RegistrationCancelled;
import io.eventfold.projection.consumer.EventEnvelope;
import io.eventfold.projection.consumer.Generation;
import io.eventfold.projection.consumer.Parking;
import io.eventfold.projection.consumer.Projection;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
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
        return List.of(DashboardStore.DASHBOARD, DashboardStore.REGISTRATIONS);
    }

    @Override
    public List<String> publishedTables() {
        return List.of(DashboardStore.DASHBOARD);
    }

    @Override
    public void apply(List<EventEnvelope> batch, Parking parking, Generation generation) {
        var ids = batch.stream().map(EventEnvelope::conferenceId).distinct().toList();
        Map<String, Dashboard> dashboards = new LinkedHashMap<>(store.load(generation, ids));
        var changed = new HashSet<String>();
        var refill = new HashSet<String>();
        var added = new ArrayList<DashboardStore.AddedRegistration>();
        var cancelled = new ArrayList<DashboardStore.CancelledRegistration>();
        for (var envelope : batch) {
            var current = dashboards.get(envelope.conferenceId());
            if (current != null && envelope.version() <= current.version() || !parking.admit(envelope)) {
                continue;
            }
            DashboardFold.Result result;
            try {
                result = DashboardFold.apply(current, envelope.event(), envelope.version());
            } catch (RuntimeException cannotApply) {
                parking.failed(envelope, cannotApply);
                continue;
            }
            dashboards.put(envelope.conferenceId(), result.dashboard());
            changed.add(envelope.conferenceId());
            if (result.needsRecentRefill()) {
                refill.add(envelope.conferenceId());
            }
            remember(envelope, added, cancelled);
        }
        store.saveRegistrations(generation, added, cancelled);
        refillRecent(generation, dashboards, refill);
        store.save(generation, changed.stream().map(dashboards::get).toList());
    }

    private void remember(EventEnvelope envelope, List<DashboardStore.AddedRegistration> added,
                          List<DashboardStore.CancelledRegistration> cancelled) {
        if (envelope.event() instanceof PersonRegistered registered) {
            added.add(new DashboardStore.AddedRegistration(registered.eventId(),
                    DashboardFold.registration(registered), envelope.version()));
        } else if (envelope.event() instanceof RegistrationCancelled cancel) {
            cancelled.add(new DashboardStore.CancelledRegistration(cancel.eventId(), cancel.registrationId()));
        }
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
