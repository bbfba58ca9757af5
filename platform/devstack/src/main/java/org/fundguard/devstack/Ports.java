package org.fundguard.devstack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/** Port checks: is it free, pick a free one, is something listening. */
public final class Ports {

    private Ports() {
    }

    public static boolean isFree(int port) {
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        } catch (IOException e) {
            return false;
        }
        // something bound to 0.0.0.0 still answers on loopback
        return !isListening(port);
    }

    public static void requireFree(int port, String what, String envVar) {
        if (!isFree(port)) {
            throw new StackException("port " + port + " (" + what + ") is already in use: stop what uses it, or set "
                    + envVar + " to another port");
        }
    }

    /** The port named by environment variable {@code env}, or {@code dflt} when it is not set. */
    public static int fromEnvironment(String env, int dflt) {
        String v = System.getenv(env);
        if (v == null || v.isBlank()) {
            return dflt;
        }
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new StackException(env + "=" + v + " is not a port number");
        }
    }

    public static int pickFree() {
        try (ServerSocket s = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new StackException("no free local port: " + e.getMessage(), e);
        }
    }

    public static boolean isListening(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 300);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
