package io.eventfold.projection;

import io.eventfold.messaging.TopicProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What the tests of a running projection-service reach for: its database, its topic and the broker. */
public abstract class RunningProjector {

    @Autowired
    protected JdbcClient jdbc;
    @Autowired
    protected TopicProperties topic;
    @Value("${spring.kafka.bootstrap-servers}")
    protected String bootstrapServers;
}
