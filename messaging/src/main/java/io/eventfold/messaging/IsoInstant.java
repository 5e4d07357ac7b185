package io.eventfold.messaging;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Reads and writes the one form every event carries its instants in, {@code Instant.toString()}'s
 * {@code 2027-03-01T09:30:00.123Z}, without {@code DateTimeFormatter}, whose parser was a large
 * share of decoding an event (docs/benchmarks.md). Anything else (offsets, far years, invalid dates) goes to
 * {@link Instant#parse}, so what is accepted and what is refused stays exactly as before; and
 * {@link #format} writes exactly what {@link Instant#toString()} does.
 */
public final class IsoInstant {

    private static final int SECONDS_END = 19;
    private static final long YEAR_0 = LocalDate.of(0, 1, 1).toEpochDay() * 86_400;
    private static final long YEAR_10000 = LocalDate.of(10_000, 1, 1).toEpochDay() * 86_400;

    private IsoInstant() {
    }

    public static Instant parse(CharSequence text) {
        var fast = fastParse(text);
        return fast != null ? fast : Instant.parse(text);
    }

    /** {@link Instant#toString()}, for years 0 to 9999 without the formatter. */
    public static String format(Instant instant) {
        long seconds = instant.getEpochSecond();
        if (seconds < YEAR_0 || seconds >= YEAR_10000) {
            return instant.toString();
        }
        var date = LocalDate.ofEpochDay(Math.floorDiv(seconds, 86_400));
        int secondOfDay = (int) Math.floorMod(seconds, 86_400);
        var text = new StringBuilder(30);
        pad(text, date.getYear(), 4).append('-');
        pad(text, date.getMonthValue(), 2).append('-');
        pad(text, date.getDayOfMonth(), 2).append('T');
        pad(text, secondOfDay / 3_600, 2).append(':');
        pad(text, secondOfDay / 60 % 60, 2).append(':');
        pad(text, secondOfDay % 60, 2);
        int nanos = instant.getNano();
        if (nanos > 0) {
            text.append('.');
            if (nanos % 1_000_000 == 0) {
                pad(text, nanos / 1_000_000, 3);
            } else if (nanos % 1_000 == 0) {
                pad(text, nanos / 1_000, 6);
            } else {
                pad(text, nanos, 9);
            }
        }
        return text.append('Z').toString();
    }

    private static StringBuilder pad(StringBuilder text, int value, int width) {
        for (int limit = 10, digits = 1; digits < width; limit *= 10, digits++) {
            if (value < limit) {
                text.append('0');
            }
        }
        return text.append(value);
    }

    private static Instant fastParse(CharSequence s) {
        int n = s.length();
        if (n < SECONDS_END + 1 || s.charAt(n - 1) != 'Z' || s.charAt(4) != '-' || s.charAt(7) != '-'
                || s.charAt(10) != 'T' || s.charAt(13) != ':' || s.charAt(16) != ':') {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 7);
        int day = digits(s, 8, 10);
        int hour = digits(s, 11, 13);
        int minute = digits(s, 14, 16);
        int second = digits(s, 17, SECONDS_END);
        int nanos = fraction(s, n - 1);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > 28 && !validDay(year, month, day)
                || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59 || nanos < 0) {
            return null;
        }
        long epochDay = LocalDate.of(year, month, day).toEpochDay();
        return Instant.ofEpochSecond(epochDay * 86_400 + hour * 3_600L + minute * 60L + second, nanos);
    }

    /** The digits between the seconds and the 'Z' as nanoseconds; -1 when they are not 1 to 9 digits. */
    private static int fraction(CharSequence s, int end) {
        if (end == SECONDS_END) {
            return 0;
        }
        int digits = end - SECONDS_END - 1;
        if (s.charAt(SECONDS_END) != '.' || digits < 1 || digits > 9) {
            return -1;
        }
        int value = digits(s, SECONDS_END + 1, end);
        for (int i = digits; i < 9 && value >= 0; i++) {
            value *= 10;
        }
        return value;
    }

    private static int digits(CharSequence s, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            int d = s.charAt(i) - '0';
            if (d < 0 || d > 9) {
                return -1;
            }
            value = value * 10 + d;
        }
        return value;
    }

    private static boolean validDay(int year, int month, int day) {
        return day <= LocalDate.of(year, month, 1).lengthOfMonth();
    }
}
