package io.eventfold.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URL;

/**
 * A load generator's GET: the JDK's blocking {@link HttpURLConnection} over kept-alive connections. The
 * asynchronous {@code java.net.http.HttpClient} cost the bench more CPU per request than the query API
 * spent answering it (top: bench ~95%, query-api ~80% of a core), and on two shared cores whatever the
 * load generator burns is taken from the server it measures; the baselines run in-process, without any.
 */
final class BlockingGet implements LoadClients.Request {

    static {
        // Kept-alive connections per destination (default 5): one per client, so none reconnects.
        System.setProperty("http.maxConnections", "256");
    }

    private final URL url;
    private final String acceptEncoding;
    private final byte[] buffer = new byte[64 * 1024];

    BlockingGet(URI uri, String acceptEncoding) {
        try {
            this.url = uri.toURL();
        } catch (java.net.MalformedURLException e) {
            throw new IllegalArgumentException(uri.toString(), e);
        }
        this.acceptEncoding = acceptEncoding;
    }

    /** Whether the answer was a 200; the body is read to its end, so that the connection is reused. */
    @Override
    public boolean send() {
        try {
            var connection = (HttpURLConnection) url.openConnection();
            connection.setRequestProperty("Accept-Encoding", acceptEncoding);
            int status = connection.getResponseCode();
            try (InputStream body = status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
                while (body != null && body.read(buffer) >= 0) {
                    // read to the end: only a fully read response leaves its connection for the next request
                }
            }
            return status == 200;
        } catch (IOException e) {
            return false;
        }
    }
}
