package io.eventfold.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A real HTTP client for tests against a running service: what curl would do, with the JSON parsed. */
public final class HttpJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One for all: a client holds a selector thread and sockets, and tests make an HttpJson per service URL. */
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private final String base;
    private final Duration timeout;
    private final Supplier<String> bearer;

    public HttpJson(String base) {
        this(base, null);
    }

    /** A client that gives up on an answer after {@code timeout}: the request's outcome is then unknown. */
    public HttpJson(String base, Duration timeout) {
        this(base, timeout, null);
    }

    private HttpJson(String base, Duration timeout, Supplier<String> bearer) {
        this.base = base;
        this.timeout = timeout;
        this.bearer = bearer;
    }

    /** The same client, sending {@code Authorization: Bearer <token>} with every request. */
    public HttpJson withBearer(String token) {
        return withBearer(() -> token);
    }

    /** As {@link #withBearer(String)}, asking for the token per request (one that is renewed as it expires). */
    public HttpJson withBearer(Supplier<String> token) {
        return new HttpJson(base, timeout, token);
    }

    public String base() {
        return base;
    }

    public Response post(String path, String body) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    public Response put(String path, String body) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)));
    }

    public Response delete(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).DELETE());
    }

    public Response get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    public Response send(HttpRequest.Builder request) {
        try {
            if (timeout != null) {
                request.timeout(timeout);
            }
            if (bearer != null) {
                request.setHeader("Authorization", "Bearer " + bearer.get());
            }
            var response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body(), response.headers().map());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public record Response(int status, String contentType, String body,
                           Map<String, List<String>> headers) {

        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }

        public JsonNode json() {
            return JSON.readTree(body);
        }

        @Override
        public String toString() {
            return status + " " + contentType + " " + body;
        }
    }
}
