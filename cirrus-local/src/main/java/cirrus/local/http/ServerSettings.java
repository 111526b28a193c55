package cirrus.local.http;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;

/**
 * Where a cirrus web server listens and how it treats its clients.
 *
 * @param host the address to bind, loopback unless {@code remoteAcknowledged}
 * @param port the port, 0 for any free one
 * @param remoteAcknowledged the user asked for a non-loopback address explicitly
 * @param maxBodyBytes request bodies above this are refused with 413
 * @param idleTimeout a connection silent this long is closed (also bounds each body read)
 * @param headerTimeout a connection that has not sent a complete request this long after opening is
 *     closed
 * @param bodyTimeout a request body not received in full within this time is refused
 * @param maxConnections connections accepted at once; more wait in the accept queue
 * @param maxThreads threads that run requests; header parsing needs none
 */
public record ServerSettings(
        String host,
        int port,
        boolean remoteAcknowledged,
        long maxBodyBytes,
        Duration idleTimeout,
        Duration headerTimeout,
        Duration bodyTimeout,
        int maxConnections,
        int maxThreads) {
    /** 16 MiB: the body limit of {@code cirrus serve}. */
    public static final long DEFAULT_MAX_BODY_BYTES = 16L << 20;

    public static final String LOOPBACK = "127.0.0.1";

    public ServerSettings {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535, got " + port);
        }
        if (!remoteAcknowledged && !isLoopback(host)) {
            throw new IllegalArgumentException(
                    "host "
                            + host
                            + " is not a loopback address; serving other machines needs"
                            + " --allow-remote");
        }
    }

    /** On 127.0.0.1 with the default limits. */
    public static ServerSettings loopback(int port) {
        return new ServerSettings(
                LOOPBACK,
                port,
                false,
                DEFAULT_MAX_BODY_BYTES,
                Duration.ofSeconds(30),
                Duration.ofSeconds(10),
                Duration.ofSeconds(60),
                256,
                32);
    }

    public ServerSettings withHost(String newHost, boolean acknowledged) {
        return new ServerSettings(
                newHost,
                port,
                acknowledged,
                maxBodyBytes,
                idleTimeout,
                headerTimeout,
                bodyTimeout,
                maxConnections,
                maxThreads);
    }

    public ServerSettings withTimeouts(Duration idle, Duration header, Duration body) {
        return new ServerSettings(
                host,
                port,
                remoteAcknowledged,
                maxBodyBytes,
                idle,
                header,
                body,
                maxConnections,
                maxThreads);
    }

    /** Whether the address is a loopback one (resolves names, e.g. {@code localhost}). */
    public static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
