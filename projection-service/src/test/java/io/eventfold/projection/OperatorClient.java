package io.eventfold.projection;

import io.eventfold.infra.HttpJson;
import io.eventfold.testsupport.TestIssuer;
import java.net.URI;
import java.net.http.HttpRequest;

/** Calls projection-service's admin API as an operator (or, with another token or none, as someone else). */
public final class OperatorClient {

    private final HttpJson http;
    private final String token;

    public OperatorClient(int port, String token) {
        this.http = new HttpJson("http://localhost:" + port);
        this.token = token;
    }

    /** An operator of the tests' issuer. */
    public static OperatorClient operator(int port) {
        return new OperatorClient(port, TestIssuer.operator());
    }

    public HttpJson.Response send(String method, String path) {
        var request = HttpRequest.newBuilder(URI.create(http.base() + path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request);
    }
}
