package io.eventfold.infra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Names the process listening on a TCP port, from {@code /proc} (Linux): the listening socket's inode in
 * {@code /proc/net/tcp[6]}, then the process with a descriptor on that inode. Only processes of this user can
 * be seen; anything else is "another process".
 */
final class PortHolder {

    private static final String LISTEN = "0A";

    private PortHolder() {
    }

    static String describe(int port) {
        return find(port).map(pid -> "held by " + process(pid)).orElse("held by another process");
    }

    static Optional<Long> find(int port) {
        var inodes = listeningInodes(port);
        if (inodes.isEmpty()) {
            return Optional.empty();
        }
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            return processes.filter(p -> p.getFileName().toString().matches("\\d+"))
                    .filter(p -> holdsAny(p, inodes))
                    .map(p -> Long.parseLong(p.getFileName().toString()))
                    .findFirst();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Set<String> listeningInodes(int port) {
        var inodes = new HashSet<String>();
        var hexPort = String.format(":%04X", port);
        for (var table : new String[] {"/proc/net/tcp", "/proc/net/tcp6"}) {
            try (Stream<String> lines = Files.lines(Path.of(table))) {
                lines.skip(1).map(line -> line.trim().split("\\s+"))
                        .filter(f -> f.length > 9 && f[1].endsWith(hexPort) && LISTEN.equals(f[3]))
                        .forEach(f -> inodes.add("socket:[" + f[9] + "]"));
            } catch (IOException | RuntimeException e) {
                // No such table (no IPv6, not Linux): the other one may still tell.
            }
        }
        return inodes;
    }

    private static boolean holdsAny(Path process, Set<String> sockets) {
        try (Stream<Path> fds = Files.list(process.resolve("fd"))) {
            return fds.anyMatch(fd -> {
                try {
                    return sockets.contains(Files.readSymbolicLink(fd).toString());
                } catch (IOException e) {
                    return false;
                }
            });
        } catch (IOException | RuntimeException e) {
            return false; // another user's process, or gone meanwhile
        }
    }

    private static String process(long pid) {
        if (pid == ProcessHandle.current().pid()) {
            return "pid " + pid + " (this process)";
        }
        var command = ProcessHandle.of(pid).flatMap(h -> h.info().commandLine()).orElse("?");
        return "pid " + pid + " (" + (command.length() > 160 ? command.substring(0, 160) + " ..." : command) + ")";
    }
}
