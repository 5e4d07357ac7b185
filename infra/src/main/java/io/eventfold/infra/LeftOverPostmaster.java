package io.eventfold.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a killed run leaves in a PostgreSQL data directory: its postmaster (pg_ctl starts it in a session of its
 * own, so it outlives a SIGKILL of the run), or a postmaster.pid naming a process that is gone or reused.
 */
final class LeftOverPostmaster {

    private static final Logger LOG = LoggerFactory.getLogger(LeftOverPostmaster.class);
    /** zonky's lock file: held by the JVM whose EmbeddedPostgres runs on this directory, for as long as it runs. */
    private static final String OWNER_LOCK = "epg-lock";

    private LeftOverPostmaster() {
    }

    /** Stops a postmaster left on this directory, unless a live process still owns it: then it refuses. */
    static void clear(Path dataDirectory) {
        requireNoLiveOwner(dataDirectory);
        var pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        long pid = readPid(pidFile);
        var process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        if (process.isEmpty() || !isPostgres(process.get())) {
            LOG.info("Removing stale {}: pid {} is not a running PostgreSQL", pidFile, pid);
            delete(pidFile);
        } else if (servesDirectory(process.get(), dataDirectory)) {
            LOG.warn("Stopping PostgreSQL pid {} left running on {} by an earlier run", pid, dataDirectory);
            stop(process.get());
        }
        // A PostgreSQL of another directory under a reused pid: PostgreSQL itself refuses to start then.
    }

    private static void requireNoLiveOwner(Path dataDirectory) {
        var lockFile = dataDirectory.resolve(OWNER_LOCK);
        if (!Files.exists(lockFile)) {
            return;
        }
        try (var channel = FileChannel.open(lockFile, StandardOpenOption.WRITE);
             var lock = channel.tryLock()) {
            if (lock == null) {
                throw inUse(dataDirectory, "another process");
            }
        } catch (OverlappingFileLockException e) {
            throw inUse(dataDirectory, "this process");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot check " + lockFile, e);
        }
    }

    private static IllegalStateException inUse(Path dataDirectory, String owner) {
        return new IllegalStateException("PostgreSQL cannot start: its data directory " + dataDirectory
                + " is in use by " + owner + " (it holds " + OWNER_LOCK + ")");
    }

    private static long readPid(Path pidFile) {
        try {
            return Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
        } catch (IOException | RuntimeException e) {
            return -1; // unreadable or half written: no process to stop
        }
    }

    private static boolean isPostgres(ProcessHandle process) {
        return process.info().command().map(c -> Path.of(c).getFileName().toString().equals("postgres"))
                .orElse(false);
    }

    private static boolean servesDirectory(ProcessHandle process, Path dataDirectory) {
        var args = process.info().arguments().map(Arrays::asList).orElse(List.of());
        int d = args.indexOf("-D");
        return d >= 0 && d + 1 < args.size() && samePath(Path.of(args.get(d + 1)), dataDirectory);
    }

    static boolean samePath(Path a, Path b) {
        try {
            return a.toRealPath().equals(b.toRealPath());
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * SIGINT is PostgreSQL's fast shutdown, what pg_ctl stop -m fast sends; pg_ctl itself refuses to run as root
     * outside the user namespace zonky starts it in. SIGTERM (a smart shutdown) if kill fails, SIGKILL at last.
     */
    private static void stop(ProcessHandle postmaster) {
        try {
            var kill = new ProcessBuilder("kill", "-INT", String.valueOf(postmaster.pid())).inheritIO().start();
            if (!kill.waitFor(5, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                postmaster.destroy();
            }
            postmaster.onExit().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.warn("PostgreSQL pid {} did not stop in time ({}); killing it", postmaster.pid(), e.toString());
            postmaster.destroyForcibly();
            postmaster.onExit().orTimeout(5, TimeUnit.SECONDS).join();
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
