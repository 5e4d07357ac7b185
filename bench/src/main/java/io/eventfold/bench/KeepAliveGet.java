package io.eventfold.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * One client of the read load: the same GET, again and again, on a kept-alive HTTP/1.1 connection of its own,
 * as dedicated load generators (wrk, h2load) send it: the request's bytes are built once and the answer is
 * parsed only as far as HTTP needs (status, length or chunks, whether the server closes). The JDK's
 * {@code HttpURLConnection} spent as much CPU per request as the query API did to answer it, all of it on
 * the two cores the server is measured on.
 */
final class KeepAliveGet implements LoadClients.Request {

    private final URI uri;
    private final byte[] request;
    private final byte[] skip = new byte[64 * 1024];
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    KeepAliveGet(URI uri, String acceptEncoding) {
        this.uri = uri;
        this.request = ("GET " + uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())
                + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort() + "\r\nAccept-Encoding: "
                + acceptEncoding + "\r\nAccept: application/json\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** Whether the answer was 200; its body is read to the end and dropped. */
    @Override
    public boolean send() {
        try {
            if (socket == null) {
                socket = new Socket(uri.getHost(), uri.getPort());
                socket.setTcpNoDelay(true);
                in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
                out = socket.getOutputStream();
            }
            out.write(request);
            out.flush();
            return readAnswer() == 200;
        } catch (IOException | RuntimeException e) {
            close();
            return false;
        }
    }

    private int readAnswer() throws IOException {
        var statusLine = line();
        int status = Integer.parseInt(statusLine.substring(9, 12));
        long length = -1;
        boolean chunked = false;
        boolean closes = false;
        for (var header = line(); !header.isEmpty(); header = line()) {
            var lower = header.toLowerCase();
            if (lower.startsWith("content-length:")) {
                length = Long.parseLong(lower.substring(15).trim());
            } else if (lower.startsWith("transfer-encoding:")) {
                chunked = lower.contains("chunked");
            } else if (lower.startsWith("connection:")) {
                closes = lower.contains("close");
            }
        }
        if (chunked) {
            for (long size = chunkSize(); size > 0; size = chunkSize()) {
                skip(size);
                line();
            }
            while (!line().isEmpty()) {
                // trailer fields
            }
        } else if (length >= 0) {
            skip(length);
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

    private void skip(long bytes) throws IOException {
        for (long left = bytes; left > 0; ) {
            int read = in.read(skip, 0, (int) Math.min(skip.length, left));
            if (read < 0) {
                throw new IOException("Connection closed within a body");
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
