package io.eventfold.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventTypesTest {

    @Test
    void every_event_class_has_exactly_one_versioned_wire_name() throws Exception {
        var declared = eventClassesInThisModule();

        assertThat(declared).hasSizeGreaterThan(5);
        assertThat(new ArrayList<Class<?>>(EventTypes.all().values())).containsExactlyInAnyOrderElementsOf(declared);
        assertThat(EventTypes.all().keySet())
                .allMatch(name -> name.matches("[a-z]+\\.[a-z-]+\\.v[0-9]+"), "area.kebab-name.vN");
    }

    private static List<Class<?>> eventClassesInThisModule() throws Exception {
        var root = Path.of(ConferenceEvent.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        try (var files = Files.walk(root)) {
            var classes = new ArrayList<Class<?>>();
            for (var file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                var name = root.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                var type = Class.forName(name);
                if (ConferenceEvent.class.isAssignableFrom(type) && !type.isInterface()) {
                    classes.add(type);
                }
            }
            return classes;
        }
    }

    @Test
    void wire_names_resolve_both_ways() {
        EventTypes.all().forEach((name, type) -> {
            assertThat(EventTypes.classOf(name)).contains(type);
            assertThat(EventTypes.wireNameOf(type)).contains(name);
        });
        assertThat(EventTypes.classOf("registration.no-such-event.v1")).isEmpty();
        assertThat(EventTypes.wireNameOf(String.class)).isEmpty();
    }

    @Test
    void events_are_records_named_in_the_past_tense() {
        assertThat(EventTypes.all().values())
                .allMatch(Class::isRecord)
                .allMatch(type -> type.getSimpleName().matches(".*(ed|en)$"), "past participles: Registered, Forgotten");
    }
}
