package io.eventfold.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.Instant;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class IsoInstantTest {

    private static final long YEAR_0 = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
    private static final long YEAR_10000 = Instant.parse("+10000-01-01T00:00:00Z").getEpochSecond();

    @Property
    void reads_back_what_instant_writes(@ForAll("instants") Instant written) {
        assertThat(IsoInstant.parse(written.toString())).isEqualTo(written);
    }

    @Property
    void writes_what_instant_writes(@ForAll("instants") Instant instant) {
        assertThat(IsoInstant.format(instant)).isEqualTo(instant.toString());
    }

    @Example
    void writes_far_years_as_instant_does() {
        var far = Instant.parse("+10000-01-01T00:00:00Z");

        assertThat(IsoInstant.format(far)).isEqualTo(far.toString());
        assertThat(IsoInstant.format(far.minusNanos(1))).isEqualTo("9999-12-31T23:59:59.999999999Z");
    }

    @Property
    void agrees_with_instant_parse_on_near_misses(@ForAll("nearMisses") String text) {
        Object expected;
        try {
            expected = Instant.parse(text);
        } catch (DateTimeException refused) {
            expected = DateTimeException.class;
        }

        Object actual;
        try {
            actual = IsoInstant.parse(text);
        } catch (DateTimeException refused) {
            actual = DateTimeException.class;
        }

        assertThat(actual).as(text).isEqualTo(expected);
    }

    @Example
    void refuses_what_instant_parse_refuses() {
        assertThatThrownBy(() -> IsoInstant.parse("2027-02-30T10:00:00Z")).isInstanceOf(DateTimeException.class);
        assertThatThrownBy(() -> IsoInstant.parse("2027-01-01T10:00:00")).isInstanceOf(DateTimeException.class);
        assertThat(IsoInstant.parse("2027-01-01T10:00:00+01:00")).isEqualTo("2027-01-01T09:00:00Z");
        assertThat(IsoInstant.parse("2027-01-01T10:00:00.5Z")).isEqualTo("2027-01-01T10:00:00.500Z");
    }

    @Provide
    Arbitrary<Instant> instants() {
        var seconds = Arbitraries.longs().between(YEAR_0, YEAR_10000 - 1);
        var millis = Arbitraries.integers().between(0, 999).map(m -> m * 1_000_000);
        var micros = Arbitraries.integers().between(0, 999_999).map(m -> m * 1_000);
        var nanos = Arbitraries.oneOf(Arbitraries.just(0), millis, micros,
                Arbitraries.integers().between(0, 999_999_999));
        return Combinators.combine(seconds, nanos).as(Instant::ofEpochSecond);
    }

    /** Valid instants with one character replaced by a digit, a separator or a letter. */
    @Provide
    Arbitrary<String> nearMisses() {
        var replacement = Arbitraries.of('0', '2', '3', '9', '-', ':', '.', 'T', 'Z', 'x', '+');
        return Combinators.combine(instants(), Arbitraries.integers().between(0, 40), replacement)
                .as((instant, at, c) -> {
                    var text = new StringBuilder(instant.toString());
                    text.setCharAt(at % text.length(), c);
                    return text.toString();
                });
    }
}
