package io.eventfold.bench;

import io.eventfold.infra.HttpJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;

/**
 * The load generator's HTTP: the JDK's blocking {@link HttpURLConnection} over kept-alive connections. The
 * asynchronous {@code java.net.http.HttpClient} cost the bench more CPU per request than the query API
 * spent answering it (top: bench ~95%, query-api ~80% of a core), and on two shared cores whatever the
 * load generator burns is taken from the server it measures; the baselines run in-process, without any.
 */
final class BlockingHttp {

    static {
        // Kept-alive connections per destination (default 5): one per client thread, so none reconnects.
        System.setProperty("http.maxConnections", "256");
    }

    private BlockingHttp() {
    }

    /** A request whose answer only counts by its status; the body is read to the end and dropped. */
    static LoadClients.Request get(URI uri, String acceptEncoding) {
        var buffer = new byte[64 * 1024];
        return () -> {
            try {
                var connection = open("GET", uri);
                connection.setRequestProperty("Accept-Encoding", acceptEncoding);
                int status = connection.getResponseCode();
                try (var body = bodyOf(connection, status)) {
                    while (body != null && body.read(buffer) >= 0) {
                        // to the end: only a fully read answer leaves its connection to the next request
                    }
                }
                return status == 200;
            } catch (IOException e) {
                return false;
            }
        };
    }

    /** {@code body}: JSON, or null for none. */
    static HttpJson.Response send(String method, URI uri, String body) {
        try {
            var connection = open(method, uri);
            if (body != null) {
                connection.setDoOutput(true);
                connection.setRequestProperty("Content-Type", "application/json");
                try (var out = connection.getOutputStream()) {
                    out.write(body.getBytes(StandardCharsets.UTF_8));
                }
            }
            int status = connection.getResponseCode();
            String text;
            try (var in = bodyOf(connection, status)) {
                text = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            var headers = new HashMap<>(connection.getHeaderFields());
            headers.remove(null);
            var contentType = connection.getContentType();
            return new HttpJson.Response(status, contentType == null ? "" : contentType, text, headers);
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + uri, e);
        }
    }

    private static HttpURLConnection open(String method, URI uri) throws IOException {
        var connection = (HttpURLConnection) uri.toURL().openConnection();
        connection.setRequestMethod(method);
        return connection;
    }

    private static InputStream bodyOf(HttpURLConnection connection, int status) throws IOException {
        return status < 400 ? connection.getInputStream() : connection.getErrorStream();
    }
}
