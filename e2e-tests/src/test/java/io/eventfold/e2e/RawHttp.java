package io.eventfold.e2e;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 written byte by byte over a socket: a request line or header that {@code java.net.http} would refuse
 * to send (an invalid escape, a raw non-ASCII byte, an unknown method) reaches the server as written.
 */
final class RawHttp {

    record Answer(int status, Map<String, String> headers) {

        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private RawHttp() {
    }

    static Answer send(String baseUrl, String method, String target, Map<String, String> headers, byte[] body)
            throws IOException {
        var base = URI.create(baseUrl);
        try (var socket = new Socket()) {
            socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 2_000);
            socket.setSoTimeout(10_000);
            var head = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n")
                    .append("Host: ").append(base.getHost()).append("\r\nConnection: close\r\n");
            headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
            if (body.length > 0) {
                head.append("Content-Length: ").append(body.length).append("\r\n");
            }
            var out = socket.getOutputStream();
            out.write(head.append("\r\n").toString().getBytes(StandardCharsets.UTF_8));
            try {
                out.write(body);
                out.flush();
            } catch (IOException answeredEarly) {
                // The server may answer (413) and close before reading the whole body: its answer is read below.
            }
            return read(socket.getInputStream());
        }
    }

    private static Answer read(InputStream in) throws IOException {
        var line = new ByteArrayOutputStream();
        var headers = new LinkedHashMap<String, String>();
        int status = -1;
        for (int b = in.read(); b != -1; b = in.read()) {
            if (b != '\n') {
                line.write(b);
                continue;
            }
            var text = line.toString(StandardCharsets.ISO_8859_1).strip();
            line.reset();
            if (text.isEmpty()) {
                break;
            }
            if (status < 0) {
                status = Integer.parseInt(text.split(" ")[1]);
            } else if (text.indexOf(':') > 0) {
                headers.put(text.substring(0, text.indexOf(':')).toLowerCase(Locale.ROOT),
                        text.substring(text.indexOf(':') + 1).strip());
            }
        }
        if (status < 0) {
            throw new IOException("No answer");
        }
        return new Answer(status, headers);
    }
}
