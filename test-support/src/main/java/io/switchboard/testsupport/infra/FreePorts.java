package io.switchboard.testsupport.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;

/** Loopback port helpers for servers started as child processes. */
public final class FreePorts {

    private FreePorts() {
    }

    /** A port free on loopback right now. A child process binds it moments later; tests accept that small race. */
    public static int next() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static boolean isOpen(int port) {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Waits (on the calling, non-reactive thread) until {@code port} accepts connections or {@code process} dies. */
    public static void awaitOpen(int port, Process process, Duration timeout, String what) {
        Instant deadline = Instant.now().plus(timeout);
        while (!isOpen(port)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(what + " exited with status " + process.exitValue());
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(what + " did not open port " + port + " within " + timeout);
            }
            pause(Duration.ofMillis(50));
        }
    }

    public static void awaitClosed(int port, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (isOpen(port) && Instant.now().isBefore(deadline)) {
            pause(Duration.ofMillis(50));
        }
    }

    static void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
