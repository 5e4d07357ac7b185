package io.eventfold.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class HeaderValuesTest {

    /** Spring Security's own rule for header values, which this replaces. */
    private static final Pattern SPRING = Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");

    @Test
    void allows_and_refuses_exactly_what_spring_securitys_pattern_does() {
        var samples = new java.util.ArrayList<String>(java.util.List.of("", "Bearer eyJhbGciOi.x-y_z", "gzip, br",
                "caf\u00e9", "\ud83d\ude00 emoji", "tab\there", "nul\u0000", "del\u007f", "c1\u0085",
                "unassigned\u0378", "lone\ud800surrogate", "x\u2028y"));
        IntStream.range(0, 0x3000).filter(c -> c % 7 == 0).forEach(c -> samples.add("a" + (char) c + "b"));

        for (var value : samples) {
            assertThat(HeaderValues.allowed(value)).as("%s", value.codePoints().boxed().toList())
                    .isEqualTo(SPRING.matcher(value).matches());
        }
    }
}
