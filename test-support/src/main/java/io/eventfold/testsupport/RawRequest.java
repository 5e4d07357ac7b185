package io.eventfold.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A request written as is over a socket, for paths {@code java.net.http} would normalise or refuse to send
 * ({@code /%61dmin}, {@code /admin;x}, {@code //admin}): the whole response as text.
 */
public final class RawRequest {

    private RawRequest() {
    }

    /** {@code token}: a bearer token, or null for none. */
    public static String send(int port, String method, String path, String token) {
        try (var socket = new Socket("localhost", port)) {
            var request = method + " " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                    + "Content-Length: 0\r\n" + (token == null ? "" : "Authorization: Bearer " + token + "\r\n")
                    + "\r\n";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
