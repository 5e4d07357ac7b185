package io.eventfold.infra;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * Refuses a port that something else listens on, before a server is started on it. A server that cannot bind
 * does not always say so: pg_ctl's failure is only logged, and the next connection then reaches whoever holds
 * the port.
 */
final class FreePort {

    private FreePort() {
    }

    /** Tries both the loopback address our servers use and the wildcard, which a listener on either blocks. */
    static void require(int port, String server) {
        for (var address : new InetSocketAddress[] {
                new InetSocketAddress(InetAddress.getLoopbackAddress(), port), new InetSocketAddress(port)}) {
            try (var socket = new ServerSocket()) {
                socket.setReuseAddress(true);
                socket.bind(address);
            } catch (IOException e) {
                throw new IllegalStateException(server + " cannot start: port " + port + " is already in use, "
                        + PortHolder.describe(port));
            }
        }
    }
}
