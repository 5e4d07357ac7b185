package io.eventfold.bench;

import io.eventfold.infra.HttpJson;

/** Reads a service's {@code /actuator/prometheus} text as far as the bench needs it. */
final class PrometheusText {

    private PrometheusText() {
    }

    /** The text of a summary or timer {@code series} (with its {@code _count} and {@code _sum}) from a service. */
    static String scrape(HttpJson service, String serviceName, String series) {
        var metrics = service.get("/actuator/prometheus?includedNames=" + series + "," + series + "_count,"
                + series + "_sum");
        if (metrics.status() != 200) {
            throw new IllegalStateException(serviceName + " metrics answered " + metrics.status());
        }
        return metrics.body();
    }

    /** The sample of {@code series} without labels, 0 if there is none. */
    static double value(String prometheus, String series) {
        for (var line : prometheus.split("\n")) {
            if (line.startsWith(series + " ")) {
                return Double.parseDouble(line.substring(series.length() + 1).trim());
            }
        }
        return 0;
    }

    /** The sum of the samples of {@code series} whose labels contain {@code label} (e.g. {@code area="heap"}). */
    static double sum(String prometheus, String series, String label) {
        double sum = 0;
        for (var line : prometheus.split("\n")) {
            if (line.startsWith(series + "{") && line.contains(label)) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return sum;
    }
}
