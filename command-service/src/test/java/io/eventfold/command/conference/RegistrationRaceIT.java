package io.eventfold.command.conference;

import static io.eventfold.command.conference.ConferenceFixtures.registerJson;
import static io.eventfold.command.conference.ConferenceFixtures.scheduleJson;
import static io.eventfold.command.conference.ConferenceFixtures.statusJson;
import static io.eventfold.command.conference.ConferenceFixtures.untilNotBusy;
import static org.assertj.core.api.Assertions.assertThat;

import io.eventfold.command.AnotherInstance;
import io.eventfold.command.CommandServiceTest;
import io.eventfold.infra.HttpJson;
import io.eventfold.testsupport.TestIssuer;
import java.util.ArrayList;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Capacity holds under contention, also with two command-service instances on one event store. */
@CommandServiceTest
class RegistrationRaceIT {

    @LocalServerPort
    int port;
    @Autowired
    Environment environment;
    @Autowired
    JdbcClient jdbc;

    ConfigurableApplicationContext secondInstance;

    @BeforeEach
    void startSecondInstance() {
        secondInstance = AnotherInstance.beside(environment);
    }

    @AfterEach
    void stopSecondInstance() {
        secondInstance.close();
    }

    @Test
    void two_hundred_registrations_for_ten_seats_on_two_instances_admit_exactly_ten() throws Exception {
        var first = new HttpJson("http://localhost:" + port).withBearer(TestIssuer.organizer("acme"));
        var second = new HttpJson(AnotherInstance.url(secondInstance)).withBearer(TestIssuer.organizer("acme"));
        var eventId = "race-" + UUID.randomUUID();
        first.post("/api/events", scheduleJson(eventId, 10));
        first.post("/api/events/" + eventId + "/status", statusJson("PUBLISHED"));

        var calls = new ArrayList<Callable<Integer>>();
        for (int i = 0; i < 200; i++) {
            var instance = i % 2 == 0 ? first : second;
            var body = registerJson("r" + i, "user" + i, "ATTENDEE");
            calls.add(() -> untilNotBusy(() -> instance.post("/api/events/" + eventId + "/registrations", body))
                    .status());
        }
        var statuses = new ArrayList<Integer>();
        var pool = Executors.newFixedThreadPool(40);
        try {
            for (Future<Integer> result : pool.invokeAll(calls)) {
                statuses.add(result.get());
            }
        } finally {
            pool.shutdownNow();
        }

        var byStatus = statuses.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertThat(byStatus).containsOnlyKeys(201, 409).containsEntry(201, 10L).containsEntry(409, 190L);
        var stored = jdbc.sql("""
                        select count(*) from domain_event_entry
                        where aggregate_identifier = ? and payload_type = 'registration.person-registered.v2'""")
                .param(eventId).query(Long.class).single();
        assertThat(stored).isEqualTo(10);
    }
}
