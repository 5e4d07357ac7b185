package io.eventfold.messaging.upcast;

import io.eventfold.contracts.EventTypes;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Reads events stored under an older wire name as the current event: a chain of steps, each from one version
 * of a name to the next, applied where events are read (aggregates loading, the projector live and
 * rebuilding). Stored events are never changed by it. How to add a version: docs/design/event-versions.md.
 */
public final class Upcasters {

    /** Events stored under {@code from} read as {@code to} once {@code body} has turned their JSON. */
    public record Step(String from, String to, UnaryOperator<byte[]> body) {

        /** The next version only adds what the older one lacked, as nulls: the JSON reads as it is. */
        public static Step renamed(String from, String to) {
            return new Step(from, to, UnaryOperator.identity());
        }
    }

    /** Where a wire name ends up: the current name, and how to turn its JSON into the current shape. */
    public record Upcast(String wireName, UnaryOperator<byte[]> body, boolean changed) {
    }

    private static final Pattern VERSIONED = Pattern.compile("(.+)\\.v([0-9]+)");

    /** EventFold's own chain: version 2 of these two sealed their personal fields. */
    public static final Upcasters EVENTFOLD = new Upcasters(EventTypes.all().keySet(), List.of(
            Step.renamed("registration.person-registered.v1", "registration.person-registered.v2"),
            Step.renamed("session.speaker-assigned.v1", "session.speaker-assigned.v2")));

    private final Set<String> current;
    private final Map<String, Step> steps = new LinkedHashMap<>();

    public Upcasters(Set<String> current, List<Step> steps) {
        this.current = Set.copyOf(current);
        for (var step : steps) {
            if (current.contains(step.from()) || this.steps.put(step.from(), step) != null) {
                throw new IllegalArgumentException("Two ways to read " + step.from());
            }
        }
        this.steps.values().forEach(step -> resolve(step.from()));
    }

    /**
     * The current name and shape of an event stored under {@code wireName}.
     *
     * @throws UnknownEventVersionException when no step leads from it to a current name
     */
    public Upcast resolve(String wireName) {
        if (current.contains(wireName)) {
            return new Upcast(wireName, UnaryOperator.identity(), false);
        }
        var name = wireName;
        UnaryOperator<byte[]> body = UnaryOperator.identity();
        for (int hops = 0; !current.contains(name); hops++) {
            var step = steps.get(name);
            if (step == null || hops > steps.size()) {
                throw new UnknownEventVersionException(wireName, explain(wireName));
            }
            var before = body;
            body = json -> step.body().apply(before.apply(json));
            name = step.to();
        }
        return new Upcast(name, body, true);
    }

    /** Every older name that reads as a current event of this kind (such as all older personal events). */
    public List<String> olderNamesOf(Class<?> kind) {
        return steps.keySet().stream().filter(name -> EventTypes.classOf(resolve(name).wireName())
                .filter(kind::isAssignableFrom).isPresent()).sorted().toList();
    }

    /** Whether {@link #resolve} knows the name; nothing is thrown. */
    public boolean knows(String wireName) {
        try {
            resolve(wireName);
            return true;
        } catch (UnknownEventVersionException unknown) {
            return false;
        }
    }

    private String explain(String wireName) {
        var versioned = VERSIONED.matcher(wireName);
        if (versioned.matches()) {
            var base = versioned.group(1) + ".v";
            var version = Integer.parseInt(versioned.group(2));
            var newest = current.stream().filter(name -> name.startsWith(base))
                    .mapToInt(name -> Integer.parseInt(name.substring(base.length()))).max();
            if (newest.isPresent() && version > newest.getAsInt()) {
                return "written by a newer EventFold: this one reads up to " + base + newest.getAsInt();
            }
            if (newest.isPresent()) {
                return "no upcaster leads from it to " + base + newest.getAsInt();
            }
        }
        return "no such event";
    }
}
