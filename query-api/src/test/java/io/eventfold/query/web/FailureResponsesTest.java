package io.eventfold.query.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

class FailureResponsesTest {

    private final FailureResponses responses = new FailureResponses();

    @Test
    void a_database_out_of_reach_is_503_with_retry_after() {
        var lost = new DataAccessResourceFailureException("PreparedStatementCallback; FATAL: terminating connection");
        var poolEmpty = new CannotGetJdbcConnectionException("no connection",
                new SQLTransientConnectionException("Connection is not available, request timed out"));

        for (var failure : new RuntimeException[] {lost, poolEmpty, new IllegalStateException("cached", lost)}) {
            var response = responses.failed(failure);
            assertThat(response.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
            assertThat(response.getHeaders().getFirst("Retry-After")).isEqualTo("1");
            assertThat(response.getBody().getTitle()).isEqualTo("Read model unavailable");
        }
    }

    @Test
    void anything_else_is_a_500_problem_that_tells_nothing_internal() {
        var response = responses.failed(new IllegalStateException("secret detail"));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
        assertThat(response.getBody().getDetail()).isEqualTo("The request failed").doesNotContain("secret");
        assertThat(response.getHeaders().getContentType()).hasToString("application/problem+json");
    }
}
