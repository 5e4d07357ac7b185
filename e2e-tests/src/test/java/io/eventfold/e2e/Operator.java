package io.eventfold.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.eventfold.e2e.EventFoldSystem.Service;
import io.eventfold.infra.HttpJson;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;

/** An operator of the system: projection-service's admin API with a token of role operator. */
final class Operator {

    private static final Duration REBUILD_TIMEOUT = Duration.ofSeconds(120);

    private final EventFoldSystem system;

    Operator(EventFoldSystem system) {
        this.system = system;
    }

    HttpJson.Response admin(String method, String path) {
        var http = new HttpJson(system.url(Service.PROJECTION)).withBearer(Tokens.OPERATOR);
        return http.send(HttpRequest.newBuilder(URI.create(http.base() + path))
                .method(method, HttpRequest.BodyPublishers.noBody()));
    }

    int startRebuild(String projection) {
        var started = admin("POST", "/admin/projections/" + projection + "/rebuild");
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        return started.json().get("generation").asInt();
    }

    void awaitSwitched(String projection, int generation) {
        await().atMost(REBUILD_TIMEOUT).pollInterval(Duration.ofMillis(200)).until(() -> {
            var status = admin("GET", "/admin/projections/" + projection + "/rebuild");
            return status.status() == 200 && status.json().get("generation").asInt() == generation
                    && status.json().get("state").asString().equals("SWITCHED");
        });
    }

    void awaitProcessed(String projection, long records) {
        await().atMost(REBUILD_TIMEOUT).until(() -> admin("GET", "/admin/projections/" + projection + "/rebuild")
                .json().get("processed").asLong() >= records);
    }
}
