package io.eventfold.infra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/** The postmasters the tests left under a directory: a failed test must not leave PostgreSQL running. */
final class Postmasters {

    private Postmasters() {
    }

    static Optional<ProcessHandle> of(Path dataDirectory) throws IOException {
        var pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
        return ProcessHandle.of(pid).filter(p -> p.info().command().orElse("").endsWith("/postgres"));
    }

    static void killAllUnder(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (var pidFile : files.filter(f -> f.endsWith("postmaster.pid")).toList()) {
                of(pidFile.getParent()).ifPresent(ProcessHandle::destroyForcibly);
            }
        }
    }
}
