package io.eventfold.bench;

import io.eventfold.infra.HttpJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Samples a service's heap (from its actuator) and resident memory (from /proc) and keeps the peaks. */
final class ProcessSampler implements AutoCloseable {

    private final Thread thread;
    private volatile boolean running = true;
    private volatile long peakHeap;
    private volatile long peakRss;

    ProcessSampler(ServiceProcess service) {
        var http = new HttpJson(service.baseUrl());
        var status = Path.of("/proc", String.valueOf(service.pid()), "status");
        thread = new Thread(() -> {
            while (running) {
                try {
                    // Only the heap's series: a whole scrape five times a second cost the replay it measures ~4%
                    // of projection-service's CPU (JFR).
                    var metrics = http.get("/actuator/prometheus?includedNames=jvm_memory_used_bytes");
                    if (metrics.status() == 200) {
                        peakHeap = Math.max(peakHeap, heapUsed(metrics.body()));
                    }
                    peakRss = Math.max(peakRss, rss(status));
                } catch (RuntimeException sampleMissed) {
                    // The service may be busy or gone; the next sample counts.
                }
                sleep();
            }
        }, "memory-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    /** The sum of jvm_memory_used_bytes over the heap's pools. */
    static long heapUsed(String prometheus) {
        return (long) PrometheusText.sum(prometheus, "jvm_memory_used_bytes", "area=\"heap\"");
    }

    private static long rss(Path status) {
        try {
            for (var line : Files.readAllLines(status)) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
        return 0;
    }

    long peakHeapBytes() {
        return peakHeap;
    }

    long peakRssBytes() {
        return peakRss;
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running = false;
    }
}
