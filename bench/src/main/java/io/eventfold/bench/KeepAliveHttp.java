package io.eventfold.bench;

import io.eventfold.infra.HttpJson;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The load generator's HTTP/1.1: one kept-alive connection per client, as dedicated load generators (wrk,
 * h2load) use it: requests written as bytes, answers parsed only as far as HTTP needs (status, headers, length
 * or chunks, whether the server closes). The JDK's clients cost the shared cores as much as the server under
 * test (docs/benchmarks.md, Method). Not thread-safe: one per client thread.
 */
final class KeepAliveHttp implements AutoCloseable {

    private final String host;
    private final int port;
    /** The Authorization header line, or empty: every request of this client carries it. */
    private final String authorization;
    private final byte[] skip = new byte[64 * 1024];
    private Socket socket;
    /** Whether any byte of the current answer arrived: until then a failed request can be sent again. */
    private boolean answerStarted;
    private InputStream in;
    private OutputStream out;

    /** {@code origin}: scheme, host and port; the path is given per request. Without a token. */
    KeepAliveHttp(URI origin) {
        this(origin, null);
    }

    /** {@code bearer}: the token every request sends ({@code Authorization: Bearer}), or null for none. */
    KeepAliveHttp(URI origin, String bearer) {
        this.host = origin.getHost();
        this.port = origin.getPort();
        this.authorization = bearer == null ? "" : "Authorization: Bearer " + bearer + "\r\n";
    }

    /** A client of the read load: the same GET again and again; succeeded when answered 200. */
    static LoadClients.Request repeating(URI uri, String acceptEncoding, String bearer) {
        var http = new KeepAliveHttp(uri, bearer);
        // The same request every time: its bytes are built once.
        var request = http.getRequest(target(uri), acceptEncoding);
        return new LoadClients.Request() {
            @Override
            public boolean send() {
                return http.statusOnly(request);
            }

            @Override
            public void close() {
                http.close();
            }
        };
    }

    /** A client for each thread that asks for one, all closed together. */
    static final class PerThread implements AutoCloseable {

        private final Queue<KeepAliveHttp> all = new ConcurrentLinkedQueue<>();
        private final ThreadLocal<KeepAliveHttp> mine;

        PerThread(String origin, String bearer) {
            mine = ThreadLocal.withInitial(() -> {
                var http = new KeepAliveHttp(URI.create(origin), bearer);
                all.add(http);
                return http;
            });
        }

        KeepAliveHttp get() {
            return mine.get();
        }

        @Override
        public void close() {
            all.forEach(KeepAliveHttp::close);
        }
    }

    static String target(URI uri) {
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    /** Whether a GET of {@code target} was answered 200; the body is read to the end and dropped. */
    boolean get(String target, String acceptEncoding) {
        return statusOnly(getRequest(target, acceptEncoding));
    }

    private byte[] getRequest(String target, String acceptEncoding) {
        return request("GET", target, "Accept-Encoding: " + acceptEncoding + "\r\n", null);
    }

    private boolean statusOnly(byte[] request) {
        try {
            return exchange(request, null, null) == 200;
        } catch (IOException e) {
            return false;
        }
    }

    /** {@code json}: the request body, or null for none. */
    HttpJson.Response send(String method, String target, String json) {
        var body = new ByteArrayOutputStream();
        var headers = new HashMap<String, List<String>>();
        try {
            var content = json == null ? null : json.getBytes(StandardCharsets.UTF_8);
            int status = exchange(request(method, target, "", content), content, new Answer(body, headers));
            var contentType = headers.getOrDefault("content-type", List.of("")).get(0);
            return new HttpJson.Response(status, contentType, body.toString(StandardCharsets.UTF_8), headers);
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + target, e);
        }
    }

    /** Where an answer's body and headers (names in lower case) go when they are kept. */
    private record Answer(ByteArrayOutputStream body, Map<String, List<String>> headers) {
    }

    /** The request line and headers; {@code headers}: extra header lines, each ending in CRLF. */
    private byte[] request(String method, String target, String headers, byte[] body) {
        return (method + " " + target + " HTTP/1.1\r\nHost: " + host + ":" + port + "\r\n"
                + "Accept: application/json\r\n" + authorization + headers
                + (body == null ? "" : "Content-Type: application/json\r\nContent-Length: " + body.length + "\r\n")
                + "\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    private int exchange(byte[] request, byte[] body, Answer answer) throws IOException {
        boolean reused = socket != null;
        answerStarted = false;
        try {
            connectIfClosed();
            out.write(request);
            if (body != null) {
                out.write(body);
            }
            out.flush();
            return readAnswer(answer);
        } catch (IOException | RuntimeException e) {
            close();
            if (reused && !answerStarted && e instanceof IOException) {
                // The server closed the kept-alive connection while it was idle, before it read this request:
                // again on a new connection, as HTTP clients do.
                return exchange(request, body, answer);
            }
            throw e;
        }
    }

    private void connectIfClosed() throws IOException {
        if (socket == null) {
            socket = new Socket(host, port);
            socket.setTcpNoDelay(true);
            in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
            out = socket.getOutputStream();
        }
    }

    private int readAnswer(Answer answer) throws IOException {
        var statusLine = line();
        int status = Integer.parseInt(statusLine.substring(9, 12));
        long length = -1;
        boolean chunked = false;
        boolean closes = false;
        for (var header = line(); !header.isEmpty(); header = line()) {
            int colon = header.indexOf(':');
            var name = header.substring(0, colon).toLowerCase();
            var value = header.substring(colon + 1).trim();
            switch (name) {
                case "content-length" -> length = Long.parseLong(value);
                case "transfer-encoding" -> chunked = value.toLowerCase().contains("chunked");
                case "connection" -> closes = value.toLowerCase().contains("close");
                default -> { }
            }
            if (answer != null) {
                answer.headers().computeIfAbsent(name, n -> new ArrayList<>()).add(value);
            }
        }
        var body = answer == null ? null : answer.body();
        if (chunked) {
            for (long size = chunkSize(); size > 0; size = chunkSize()) {
                read(size, body);
                line();
            }
            while (!line().isEmpty()) {
                // trailer fields
            }
        } else if (length >= 0) {
            read(length, body);
        } else if (status != 304 && status != 204) {
            throw new IOException("An answer of unknown length: " + statusLine);
        }
        if (closes) {
            close();
        }
        return status;
    }

    private long chunkSize() throws IOException {
        var line = line();
        int extension = line.indexOf(';');
        return Long.parseLong((extension < 0 ? line : line.substring(0, extension)).trim(), 16);
    }

    /** {@code bytes} of the body, into {@code body}, or dropped when it is null. */
    private void read(long bytes, ByteArrayOutputStream body) throws IOException {
        for (long left = bytes; left > 0; ) {
            int read = in.read(skip, 0, (int) Math.min(skip.length, left));
            if (read < 0) {
                throw new IOException("Connection closed within a body");
            }
            if (body != null) {
                body.write(skip, 0, read);
            }
            left -= read;
        }
    }

    /** A header line without its CRLF. */
    private String line() throws IOException {
        var text = new StringBuilder(64);
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("Connection closed within an answer");
            }
            answerStarted = true;
            if (b != '\r') {
                text.append((char) b);
            }
        }
        return text.toString();
    }

    @Override
    public void close() {
        try {
            if (socket != null) {
                socket.close();
            }
        } catch (IOException ignored) {
            // the next request opens a new connection anyway
        } finally {
            socket = null;
        }
    }
}
