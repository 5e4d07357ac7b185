package io.eventfold.projection.dashboard;

import io.eventfold.contracts.registration.PersonRegistered;
import io.eventfold.contracts.registration.RegistrationCancelled;
import io.eventfold.projection.consumer.EventEnvelope;
import io.eventfold.projection.consumer.Parking;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One batch folded in memory over the dashboards it touches, and what the store must write for it. A class of
 * its own, apart from the loading and writing, also for the JIT: each new event type a replay reaches (set-up,
 * registrations, cancellations, endings) makes HotSpot recompile the loop, and recompiling it together with
 * the SQL and JSON code inlined beside it took 3.5 s of compiler time per large replay.
 */
final class BatchFold {

    final Map<String, Dashboard> dashboards;
    final Set<String> changed = new HashSet<>();
    final Set<String> refill = new HashSet<>();
    final List<DashboardStore.AddedRegistration> added = new ArrayList<>();
    final List<DashboardStore.CancelledRegistration> cancelled = new ArrayList<>();

    /** {@code loaded}: the stored dashboards of the batch's conferences (none for those not scheduled yet). */
    BatchFold(Map<String, Dashboard> loaded) {
        this.dashboards = new LinkedHashMap<>(loaded);
    }

    /**
     * Events at or below a dashboard's version were applied before and are skipped. One further on than the
     * next version arrived before an event it builds on: it is parked, and its conference waits for that one.
     */
    BatchFold apply(List<EventEnvelope> batch, Parking parking) {
        for (var envelope : batch) {
            var current = dashboards.get(envelope.conferenceId());
            long next = current == null ? 0 : current.version() + 1;
            if (envelope.version() < next || !parking.admit(envelope)) {
                continue;
            }
            if (envelope.version() > next) {
                parking.gap(envelope, next);
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
            remember(envelope);
        }
        return this;
    }

    List<Dashboard> changedDashboards() {
        return changed.stream().map(dashboards::get).toList();
    }

    private void remember(EventEnvelope envelope) {
        if (envelope.event() instanceof PersonRegistered registered) {
            added.add(new DashboardStore.AddedRegistration(registered.eventId(),
                    DashboardFold.registration(registered), envelope.version()));
        } else if (envelope.event() instanceof RegistrationCancelled cancel) {
            cancelled.add(new DashboardStore.CancelledRegistration(cancel.eventId(), cancel.registrationId()));
        }
    }
}
