package io.eventfold.projection.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class InstantJsonTest {

    record Stamped(Instant at, List<Instant> more) {
    }

    private final JsonMapper jacksons = JsonMapper.builder().build();
    private final JsonMapper ours = JsonMapper.builder().addModule(new InstantJson().fastInstants()).build();

    @Test
    void writes_the_same_text_as_jacksons_own_serializer_and_reads_it_back() {
        var value = new Stamped(Instant.parse("2027-03-01T09:30:00Z"), List.of(
                Instant.parse("2027-12-31T23:59:59.001Z"), Instant.parse("2028-02-29T00:00:00.000120Z"),
                Instant.parse("1970-01-01T00:00:00.000000001Z"), Instant.parse("+10000-01-01T00:00:00Z")));

        var text = ours.writeValueAsString(value);

        assertThat(text).isEqualTo(jacksons.writeValueAsString(value));
        assertThat(ours.readValue(text, Stamped.class)).isEqualTo(value);
    }
}
