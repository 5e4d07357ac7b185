package io.eventfold.query;

import io.eventfold.query.dashboard.DashboardCacheProperties;
import io.eventfold.query.freshness.FreshnessProperties;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

@SpringBootApplication
@EnableConfigurationProperties({FreshnessProperties.class, DashboardCacheProperties.class})
public class QueryApiApplication {

    public static void main(String[] args) {
        SpringApplication.run(QueryApiApplication.class, args);
    }
}
