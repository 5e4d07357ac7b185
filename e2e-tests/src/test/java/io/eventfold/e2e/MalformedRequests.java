package io.eventfold.e2e;

import io.eventfold.e2e.EventFoldSystem.Service;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Requests no client should send, drawn from a seeded random: every endpoint of the three services, each with one
 * thing wrong (a body that is not JSON, of the wrong shape or type, missing what is required or over the size
 * limit; a content type, method, path, query or token that does not fit). None of them may be accepted.
 */
final class MalformedRequests {

    /** One request as bytes go over the wire, and what was wrong with it (for the report). */
    record Probe(Service service, String method, String target, Map<String, String> headers, byte[] body,
                 String fault) {
    }

    /** {@code required}: fields of the body; {@code badQueries}: parameters it reads, with values it must refuse. */
    private record Route(Service service, String method, String path, String body, List<String> required,
                         List<String> badQueries) {

        Route(Service service, String method, String path, String body, List<String> required) {
            this(service, method, path, body, required, List.of());
        }
    }

    private static final String SCHEDULE = """
            {"organizationId":"acme","name":"Fuzz","startDate":"2027-06-01","endDate":"2027-06-02","capacity":5}""";
    private static final String SESSION = """
            {"title":"Talk","room":"A","startsAt":"2027-06-01T09:00:00Z","endsAt":"2027-06-01T10:00:00Z"}""";
    private static final String REGISTRATION = """
            {"userId":"u1","name":"Ada","email":"ada@example.com","role":"ATTENDEE"}""";
    private static final List<String> ODD_IDS = List.of("%00", "%zz", "%2F", "..%2F..", "a;b=c", "%C0%AF",
            "%FF%FE", "x".repeat(5_000), "%E2%80%AE", "%20", "\u00e9", "a%0D%0AX-Injected:1");
    private static final List<String> NOT_JSON = List.of("{", "{\"name\":", "]", "nul", "{'a':1}", "\u0000\u0001",
            "{\"a\":1}{\"b\":2}", "{\"a\":\"\\ud800\"}", "");
    private static final List<String> WRONG_SHAPES = List.of("[]", "\"text\"", "42", "null", "[{}]");
    private static final List<String> CONTENT_TYPES = List.of("multipart/form-data", "text/plain", "application/xml",
            "application/x-www-form-urlencoded", ";;;", "application/json; charset=nope", "*/*");
    private static final List<String> BAD_SEARCHES = List.of("page=-1", "page=abc", "page=99999999999", "size=0",
            "size=1000", "dates=garbage", "dates=2027-13-45..", "status=NOPE", "minPosition=x", "org_id=%zz",
            "size=1e3", "minPosition=-1", "page=0");
    private static final List<String> BAD_COUNTS = List.of("minPosition=x", "minPosition=-1", "org_id=%zz",
            "minPosition=99999999999999999999");
    private static final List<String> BAD_VERSIONS = List.of("minVersion=abc", "minVersion=-5", "minVersion=1.5",
            "minVersion=99999999999999999999");
    private static final List<String> BAD_TOKENS = List.of("Bearer", "Bearer ", "Basic YTpi", "Bearer a.b.c",
            "Bearer " + "x".repeat(9_000), "bearer\tx", "Bearer eyJhbGciOiJub25lIn0.e30.");

    private final Random random;
    private final String conference;
    private final List<Route> routes;

    MalformedRequests(long seed, String conference) {
        this.random = new Random(seed);
        this.conference = conference;
        var at = "/api/events/" + conference;
        this.routes = List.of(
                new Route(Service.COMMAND, "POST", "/api/events", SCHEDULE,
                        List.of("organizationId", "name", "startDate", "endDate", "capacity")),
                new Route(Service.COMMAND, "POST", at + "/status", "{\"status\":\"PUBLISHED\"}", List.of("status")),
                new Route(Service.COMMAND, "POST", at + "/sessions", SESSION,
                        List.of("title", "room", "startsAt", "endsAt")),
                new Route(Service.COMMAND, "PUT", at + "/sessions/s1/room", "{\"room\":\"B\"}", List.of("room")),
                new Route(Service.COMMAND, "POST", at + "/registrations", REGISTRATION,
                        List.of("userId", "name", "email", "role")),
                new Route(Service.COMMAND, "DELETE", at + "/registrations/{id}", null, List.of()),
                new Route(Service.COMMAND, "DELETE", at + "/sessions/{id}", null, List.of()),
                new Route(Service.COMMAND, "PUT", at + "/sessions/{id}/speakers/u1", null, List.of()),
                new Route(Service.QUERY, "GET", at + "/dashboard", null, List.of(), BAD_VERSIONS),
                new Route(Service.QUERY, "GET", "/api/events/search", null, List.of(), BAD_SEARCHES),
                new Route(Service.QUERY, "GET", "/api/events/stats/by-status", null, List.of(), BAD_COUNTS),
                new Route(Service.PROJECTION, "POST", "/admin/projections/{id}/rebuild", null, List.of()),
                new Route(Service.PROJECTION, "POST", "/admin/dead-letters/{id}/retry", null, List.of()),
                new Route(Service.PROJECTION, "GET", "/admin/projections/{id}/rebuild", null, List.of()));
    }

    List<Probe> draw(int count) {
        var probes = new ArrayList<Probe>(count);
        for (int i = 0; i < count; i++) {
            probes.add(probe(routes.get(random.nextInt(routes.size()))));
        }
        return probes;
    }

    private Probe probe(Route route) {
        var path = route.path().replace("{id}", pick(ODD_IDS));
        var headers = new LinkedHashMap<String, String>();
        headers.put("Authorization", "Bearer " + token(route.service()));
        String body = route.body();
        String fault;
        if (route.body() == null) {
            // Reads and bodiless commands: the path, the query, the method or the token is what is wrong.
            switch (random.nextInt(4)) {
                case 0 -> {
                    // Where the path names no id, an id that cannot exist: a read of it must not answer 200.
                    path = route.path().contains("{id}") ? path : route.path().replace(conference, pick(ODD_IDS));
                    path = path.equals(route.path()) ? path + "/" + pick(ODD_IDS) : path;
                    fault = "odd id in the path";
                }
                case 1 -> {
                    var queries = route.badQueries().isEmpty() ? BAD_COUNTS : route.badQueries();
                    path = route.badQueries().isEmpty() ? path : path + "?" + pick(queries);
                    fault = "bad query";
                }
                case 2 -> {
                    headers.put("Authorization", pick(BAD_TOKENS));
                    fault = "bad token";
                }
                default -> {
                    return new Probe(route.service(), pick(List.of("PATCH", "FOO", "PUT", "POST")),
                            path + "/" + pick(ODD_IDS), headers, new byte[0], "odd method on an unknown path");
                }
            }
            return new Probe(route.service(), route.method(), path, headers, new byte[0], fault);
        }
        headers.put("Content-Type", "application/json");
        switch (random.nextInt(7)) {
            case 0 -> {
                body = pick(NOT_JSON);
                fault = "not JSON";
            }
            case 1 -> {
                body = pick(WRONG_SHAPES);
                fault = "wrong shape";
            }
            case 2 -> {
                var field = pick(route.required());
                body = body.replaceFirst("\"" + field + "\":(\"[^\"]*\"|\\d+),?", "").replace(",}", "}");
                fault = "missing " + field;
            }
            case 3 -> {
                var field = pick(route.required());
                var value = field.endsWith("Date") || field.endsWith("At") ? "\"2027-13-45\"" : "\"\"";
                body = body.replaceFirst("(\"" + field + "\":)(\"[^\"]*\"|\\d+)", "$1" + pick(List.of("{}", "[1]",
                        value, "\"" + "y".repeat(70_000) + "\"")));
                fault = "wrong type, empty or over-long " + field;
            }
            case 4 -> {
                headers.put("Content-Type", pick(CONTENT_TYPES));
                fault = "content type " + headers.get("Content-Type");
            }
            case 5 -> {
                body = body.replace("}", ",\"pad\":\"" + "z".repeat(70_000) + "\"}");
                fault = "over 64 KiB";
            }
            default -> {
                headers.put("Authorization", pick(BAD_TOKENS));
                fault = "bad token";
            }
        }
        return new Probe(route.service(), route.method(), path, headers, body.getBytes(StandardCharsets.UTF_8), fault);
    }

    private String token(Service service) {
        return service == Service.PROJECTION ? Tokens.OPERATOR.get() : Tokens.ORGANIZER.get();
    }

    private <T> T pick(List<T> choices) {
        return choices.get(random.nextInt(choices.size()));
    }
}
