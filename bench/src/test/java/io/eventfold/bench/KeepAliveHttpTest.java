package io.eventfold.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The load generator's client against the JDK's own HTTP server: each body framing, kept-alive connections. */
class KeepAliveHttpTest {

    private static final byte[] BODY = "{\"dashboard\":true}".repeat(5_000).getBytes(StandardCharsets.UTF_8);

    HttpServer server;
    final List<Integer> clientPorts = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/fixed", exchange -> answer(exchange, 200, BODY, BODY.length));
        // Length 0 makes the JDK's server send the body in chunks.
        server.createContext("/chunked", exchange -> answer(exchange, 200, BODY, 0));
        server.createContext("/closing", exchange -> {
            exchange.getResponseHeaders().set("Connection", "close");
            answer(exchange, 200, BODY, BODY.length);
        });
        server.createContext("/missing", exchange -> answer(exchange, 404, BODY, BODY.length));
        server.createContext("/authorization", exchange -> {
            var authorization = String.valueOf(exchange.getRequestHeaders().getFirst("Authorization"))
                    .getBytes(StandardCharsets.UTF_8);
            answer(exchange, 200, authorization, authorization.length);
        });
        server.createContext("/echo", exchange -> {
            var received = exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            answer(exchange, 201, received, received.length);
        });
        server.start();
    }

    @AfterEach
    void tearDown() {
        server.stop(0);
    }

    @Test
    void bodies_of_known_length_and_in_chunks_are_read_to_the_end_on_one_kept_alive_connection() {
        try (var fixed = repeating("/fixed"); var chunked = repeating("/chunked")) {
            boolean[] answers = {fixed.send(), fixed.send(), chunked.send(), chunked.send()};

            assertThat(answers).containsOnly(true);
            assertThat(clientPorts).hasSize(4);
            assertThat(clientPorts.get(1)).isEqualTo(clientPorts.get(0));
            assertThat(clientPorts.get(3)).isEqualTo(clientPorts.get(2));
        }
    }

    @Test
    void a_server_that_closes_the_connection_gets_the_next_request_on_a_new_one() {
        try (var closing = repeating("/closing")) {
            boolean[] answers = {closing.send(), closing.send()};

            assertThat(answers).containsOnly(true);
            assertThat(clientPorts.get(1)).isNotEqualTo(clientPorts.get(0));
        }
    }

    @Test
    void any_answer_but_200_counts_as_failed() {
        try (var missing = repeating("/missing")) {
            assertThat(missing.send()).isFalse();
        }
    }

    @Test
    void a_json_body_is_sent_and_the_answer_kept_with_its_headers() {
        try (var http = new KeepAliveHttp(URI.create("http://127.0.0.1:" + server.getAddress().getPort()))) {
            var response = http.send("POST", "/echo", "{\"name\":\"Ada Lovelace\"}");

            assertThat(response.status()).isEqualTo(201);
            assertThat(response.body()).isEqualTo("{\"name\":\"Ada Lovelace\"}");
            assertThat(response.contentType()).isEqualTo("application/json");
        }
    }

    @Test
    void a_request_on_a_connection_the_server_closed_while_idle_is_sent_again_on_a_new_one() throws Exception {
        try (var raw = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
             var http = new KeepAliveHttp(URI.create("http://127.0.0.1:" + raw.getLocalPort()))) {
            // Answers one request per connection, then closes it without saying so, as an idle timeout does.
            var requests = new CopyOnWriteArrayList<String>();
            var server = CompletableFuture.runAsync(() -> {
                for (int i = 0; i < 2; i++) {
                    try (var socket = raw.accept()) {
                        var in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                                StandardCharsets.US_ASCII));
                        requests.add(in.readLine());
                        while (!in.readLine().isEmpty()) {
                            // headers
                        }
                        socket.getOutputStream().write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"
                                .getBytes(StandardCharsets.US_ASCII));
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                }
            });

            var first = http.send("GET", "/one", null);
            Thread.sleep(100);
            var second = http.send("GET", "/two", null);
            server.join();

            assertThat(first.body()).isEqualTo("ok");
            assertThat(second.body()).isEqualTo("ok");
            assertThat(requests).containsExactly("GET /one HTTP/1.1", "GET /two HTTP/1.1");
        }
    }

    @Test
    void a_client_with_a_token_sends_it_with_every_request_and_one_without_sends_none() {
        var origin = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        try (var withToken = new KeepAliveHttp(origin, "t0ken"); var without = new KeepAliveHttp(origin)) {
            var answers = List.of(withToken.send("GET", "/authorization", null).body(),
                    withToken.send("POST", "/authorization", "{}").body(),
                    without.send("GET", "/authorization", null).body());

            assertThat(answers).containsExactly("Bearer t0ken", "Bearer t0ken", "null");
        }
    }

    private LoadClients.Request repeating(String path) {
        return KeepAliveHttp.repeating(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path),
                "gzip", null);
    }

    private void answer(HttpExchange exchange, int status, byte[] body, long length) throws IOException {
        clientPorts.add(exchange.getRemoteAddress().getPort());
        exchange.sendResponseHeaders(status, length);
        try (var out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
