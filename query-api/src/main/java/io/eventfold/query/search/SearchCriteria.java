package io.eventfold.query.search;

import io.eventfold.query.web.InvalidParameterException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Set;

/**
 * The validated search parameters. Every filter is optional; {@code dates} is {@code FROM..TO}. A search
 * reaches the first {@link #MAX_ROWS} matches, no further: a page beyond is refused, so no search sorts or skips
 * more rows than that (narrower filters reach the rest).
 */
record SearchCriteria(String status, String organizationId, LocalDate from, LocalDate to, int page, int size) {

    static final int MAX_ROWS = 10_000;

    private static final Set<String> STATUSES = Set.of("DRAFT", "PUBLISHED", "COMPLETED", "CANCELLED");

    static SearchCriteria parse(String status, String organizationId, String dates, String page, String size) {
        if (status != null && !STATUSES.contains(status)) {
            throw new InvalidParameterException("status", "must be one of DRAFT, PUBLISHED, COMPLETED, CANCELLED");
        }
        LocalDate from = null;
        LocalDate to = null;
        if (dates != null) {
            var range = dates.split("\\.\\.", -1);
            if (range.length != 2) {
                throw new InvalidParameterException("dates", "must be FROM..TO with ISO dates (either may be empty)");
            }
            from = date(range[0]);
            to = date(range[1]);
            if (from != null && to != null && from.isAfter(to)) {
                throw new InvalidParameterException("dates", "must not start after it ends");
            }
        }
        var criteria = new SearchCriteria(status, organizationId, from, to,
                number("page", page, 1, 1, Integer.MAX_VALUE), number("size", size, 20, 1, 100));
        if (criteria.offset() + criteria.size() > MAX_ROWS) {
            throw new InvalidParameterException("page", "must be at most " + MAX_ROWS / criteria.size()
                    + " with size " + criteria.size() + ": a search reaches its first " + MAX_ROWS
                    + " matches; narrow the filters to reach others");
        }
        return criteria;
    }

    long offset() {
        return (long) (page - 1) * size;
    }

    private static LocalDate date(String text) {
        try {
            return text.isEmpty() ? null : LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidParameterException("dates", "has '" + text + "', which is not an ISO date (2027-03-01)");
        }
    }

    private static int number(String name, String text, int fallback, int min, int max) {
        if (text == null) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidParameterException(name, "must be a whole number from " + min + " to " + max);
    }
}
