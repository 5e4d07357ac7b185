package io.eventfold.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventfold.e2e.EventFoldSystem.Service;
import io.eventfold.infra.HttpJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * ops/ cannot run here (no Docker, no promtool): this parses its YAML and JSON, and checks that every metric its
 * alert rules and its Grafana dashboard query is one the running services expose to an operator's token.
 */
class OpsMetricsIT {

    private static final Path OPS = Path.of(System.getProperty("eventfold.root", ".."), "ops");
    /** Names in PromQL that are not metrics: functions, aggregations and their modifiers. */
    private static final Set<String> PROMQL_WORDS = Set.of("max", "min", "sum", "avg", "count", "rate", "increase",
            "irate", "by", "without", "on", "ignoring", "and", "or", "unless", "bool", "offset");
    /** Made by Prometheus itself for every target. */
    private static final Set<String> PROMETHEUS_OWN = Set.of("up");
    private static final Pattern NOT_NAMES = Pattern.compile(
            "\"[^\"]*\"|\\{[^}]*}|\\[[^]]*]|\\b(by|without)\\s*\\([^)]*\\)");
    private static final Pattern NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");

    @Test
    void every_metric_the_alert_rules_and_the_dashboard_use_is_exposed_by_the_running_services() throws IOException {
        var used = new TreeSet<String>();
        alertExpressions().forEach(e -> used.addAll(metricsIn(e)));
        dashboardExpressions().forEach(e -> used.addAll(metricsIn(e)));
        assertThat(used).as("the rules and the dashboard query metrics").isNotEmpty();

        var exposed = new HashSet<String>(PROMETHEUS_OWN);
        for (var service : Service.values()) {
            var answer = new HttpJson(SharedSystem.system().url(service)).withBearer(Tokens.OPERATOR)
                    .get("/actuator/prometheus");
            assertThat(answer.status()).as(service + " to an operator").isEqualTo(200);
            answer.body().lines().filter(l -> !l.isBlank() && !l.startsWith("#"))
                    .forEach(l -> exposed.add(l.split("[{ ]", 2)[0]));
        }

        assertThat(used).allSatisfy(name -> assertThat(exposed).as("exposed by a service").contains(name));
    }

    @Test
    @SuppressWarnings("unchecked")
    void prometheus_scrapes_each_service_with_the_operator_token_and_loads_the_rules() throws IOException {
        Map<String, Object> config = new Yaml().load(Files.readString(OPS.resolve("prometheus/prometheus.yml")));
        assertThat((List<String>) config.get("rule_files")).containsExactly("/etc/prometheus/alerts.yml");
        var jobs = (List<Map<String, Object>>) config.get("scrape_configs");
        assertThat(jobs).extracting(j -> j.get("job_name"))
                .containsExactlyInAnyOrder("command-service", "projection-service", "query-api");
        assertThat(jobs).allSatisfy(job -> {
            assertThat(job.get("metrics_path")).isEqualTo("/actuator/prometheus");
            assertThat((Map<String, Object>) job.get("authorization")).containsEntry("type", "Bearer")
                    .containsKey("credentials_file");
        });
        for (var provisioning : List.of("datasources/prometheus.yml", "dashboards/eventfold.yml")) {
            Map<String, Object> parsed = new Yaml().load(Files.readString(OPS.resolve("grafana/provisioning")
                    .resolve(provisioning)));
            assertThat(parsed).containsEntry("apiVersion", 1);
        }
    }

    @Test
    void metric_names_are_told_from_functions_labels_and_durations() {
        assertThat(metricsIn("sum(rate(a_total[5m])) / max by (job, le) (b{state=\"PARKED\"}) > 1e3 or up"))
                .containsExactlyInAnyOrder("a_total", "b", "up");
    }

    static Set<String> metricsIn(String expression) {
        var stripped = NOT_NAMES.matcher(expression).replaceAll(" ");
        var names = new HashSet<String>();
        var matcher = NAME.matcher(stripped);
        while (matcher.find()) {
            // Right after a digit it is part of a number (1e3), not a metric.
            boolean inNumber = matcher.start() > 0 && Character.isDigit(stripped.charAt(matcher.start() - 1));
            if (!inNumber && !PROMQL_WORDS.contains(matcher.group())) {
                names.add(matcher.group());
            }
        }
        return names;
    }

    @SuppressWarnings("unchecked")
    private static List<String> alertExpressions() throws IOException {
        Map<String, Object> rules = new Yaml().load(Files.readString(OPS.resolve("prometheus/alerts.yml")));
        var expressions = new ArrayList<String>();
        for (var group : (List<Map<String, Object>>) rules.get("groups")) {
            for (var rule : (List<Map<String, Object>>) group.get("rules")) {
                assertThat(rule).containsKeys("alert", "expr");
                expressions.add((String) rule.get("expr"));
            }
        }
        return expressions;
    }

    private static List<String> dashboardExpressions() throws IOException {
        JsonNode dashboard = new ObjectMapper().readTree(OPS.resolve("grafana/dashboards/eventfold.json").toFile());
        var expressions = new ArrayList<String>();
        for (var panel : dashboard.path("panels")) {
            for (var target : panel.path("targets")) {
                expressions.add(target.path("expr").asString());
            }
        }
        assertThat(expressions).isNotEmpty().doesNotContain("");
        return expressions;
    }
}
