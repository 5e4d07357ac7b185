package io.eventfold.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventfold.infra.ServiceRoles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** docker-compose.yml cannot run here; this checks that every variable it sets is one the service reads. */
class DockerComposeIT {

    /** Read by the JVM itself, not by Spring: the projector's collector and JIT options. */
    private static final Set<String> READ_BY_THE_JVM = Set.of("JAVA_TOOL_OPTIONS");
    private static final Path COMPOSE = Path.of(System.getProperty("eventfold.root", ".."), "docker-compose.yml");

    @SuppressWarnings("unchecked")
    private static Map<String, Object> services() throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(COMPOSE));
        return (Map<String, Object>) compose.get("services");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> environmentOf(String service) throws IOException {
        var services = services();
        assertThat(services).containsKey(service);
        var definition = (Map<String, Object>) services.get(service);
        return (Map<String, Object>) definition.get("environment");
    }

    private static ServiceSettings settingsOf(String jar) {
        return ServiceSettings.of(Path.of(System.getProperty("eventfold.jar." + jar)));
    }

    @ParameterizedTest
    @CsvSource({"command-service, command", "projection-service, projection", "query-api, query"})
    void every_variable_compose_sets_is_read_by_the_service(String service, String jar) throws IOException {
        var environment = environmentOf(service);
        var settings = settingsOf(jar);

        assertThat(environment).isNotEmpty().containsKey("SPRING_DATASOURCE_URL");
        assertThat(environment.keySet()).allSatisfy(variable ->
                assertThat(READ_BY_THE_JVM.contains(variable) || settings.reads(variable))
                        .as("%s reads %s", service, variable).isTrue());
    }

    @Test
    @SuppressWarnings("unchecked")
    void each_service_connects_as_its_own_role_which_the_database_makes_on_first_start() throws IOException {
        var usernames = new ArrayList<>();
        for (var service : List.of("command-service", "projection-service", "query-api")) {
            usernames.add(environmentOf(service).get("SPRING_DATASOURCE_USERNAME"));
        }
        var postgres = (Map<String, Object>) services().get("postgres");

        assertThat(usernames).containsExactly(ServiceRoles.COMMAND, ServiceRoles.PROJECTION, ServiceRoles.QUERY)
                .doesNotContain(((Map<String, Object>) postgres.get("environment")).get("POSTGRES_USER"));
        var initialisation = ((List<String>) postgres.get("volumes")).stream()
                .filter(volume -> volume.contains("/docker-entrypoint-initdb.d/")).toList();
        assertThat(initialisation).hasSize(2).allSatisfy(volume ->
                assertThat(COMPOSE.resolveSibling(volume.substring(0, volume.indexOf(':')))).isRegularFile());
        assertThat(initialisation.get(0)).contains("db/eventfold-roles.sql");
    }

    @Test
    void a_variable_the_service_does_not_read_is_noticed() {
        var query = settingsOf("query");

        assertThat(query.reads("SPRING_DATASOURCE_URL")).isTrue();
        assertThat(query.reads("EVENTFOLD_QUERY_PORT")).isTrue();
        assertThat(query.reads("EVENTFOLD_TOPIC_NAME")).as("the query API has no topic").isFalse();
        assertThat(query.reads("SPRING_DATASOURCE_URLS")).isFalse();
    }
}
