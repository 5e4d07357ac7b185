package io.eventfold.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The read load's client against the JDK's own HTTP server: bodies of each framing, kept-alive connections. */
class KeepAliveGetTest {

    private static final byte[] BODY = "{\"dashboard\":true}".repeat(5_000).getBytes(StandardCharsets.UTF_8);

    HttpServer server;
    final List<Integer> clientPorts = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/fixed", exchange -> answer(exchange, 200, BODY.length));
        // Length 0 makes the JDK's server send the body in chunks.
        server.createContext("/chunked", exchange -> answer(exchange, 200, 0));
        server.createContext("/closing", exchange -> {
            exchange.getResponseHeaders().set("Connection", "close");
            answer(exchange, 200, BODY.length);
        });
        server.createContext("/missing", exchange -> answer(exchange, 404, BODY.length));
        server.start();
    }

    @AfterEach
    void tearDown() {
        server.stop(0);
    }

    @Test
    void bodies_of_known_length_and_in_chunks_are_read_to_the_end_on_one_kept_alive_connection() {
        try (var fixed = get("/fixed"); var chunked = get("/chunked")) {
            boolean[] answers = {fixed.send(), fixed.send(), chunked.send(), chunked.send()};

            assertThat(answers).containsOnly(true);
            assertThat(clientPorts).hasSize(4);
            assertThat(clientPorts.get(1)).isEqualTo(clientPorts.get(0));
            assertThat(clientPorts.get(3)).isEqualTo(clientPorts.get(2));
        }
    }

    @Test
    void a_server_that_closes_the_connection_gets_the_next_request_on_a_new_one() {
        try (var closing = get("/closing")) {
            boolean[] answers = {closing.send(), closing.send()};

            assertThat(answers).containsOnly(true);
            assertThat(clientPorts.get(1)).isNotEqualTo(clientPorts.get(0));
        }
    }

    @Test
    void any_answer_but_200_counts_as_failed() {
        try (var missing = get("/missing")) {
            assertThat(missing.send()).isFalse();
        }
    }

    private KeepAliveGet get(String path) {
        return new KeepAliveGet(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path), "gzip");
    }

    private void answer(HttpExchange exchange, int status, long length) throws IOException {
        clientPorts.add(exchange.getRemoteAddress().getPort());
        exchange.sendResponseHeaders(status, length);
        try (var body = exchange.getResponseBody()) {
            body.write(BODY);
        }
    }
}
