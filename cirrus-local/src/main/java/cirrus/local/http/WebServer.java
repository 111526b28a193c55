package cirrus.local.http;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.eclipse.jetty.http.HttpCompliance;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The HTTP server of {@code cirrus serve} and {@code cirrus dashboard}: Jetty (maintained,
 * non-blocking header parsing, so slow clients hold no thread) behind the {@link RequestGuard},
 * with idle, header and body timeouts, a body limit (413 above it) and JSON errors.
 */
public final class WebServer implements AutoCloseable {
    static {
        // Jetty logs its start and stop at INFO; the commands print what a user needs themselves
        if (System.getProperty("org.slf4j.simpleLogger.log.org.eclipse.jetty") == null) {
            System.setProperty("org.slf4j.simpleLogger.log.org.eclipse.jetty", "warn");
        }
    }

    /** A route answering the paths {@code prefix} and {@code prefix/…} ({@code ""}: all). */
    public record Mount(String prefix, WebRoute route) {
        boolean matches(String path) {
            return prefix.isEmpty() || path.equals(prefix) || path.startsWith(prefix + "/");
        }
    }

    private final Server server;
    private final ServerConnector connector;
    private final ServerSettings settings;
    private final ServerToken token;

    private WebServer(
            Server server, ServerConnector connector, ServerSettings settings, ServerToken token) {
        this.server = server;
        this.connector = connector;
        this.settings = settings;
        this.token = token;
    }

    /**
     * Starts serving.
     *
     * @throws IOException when the address cannot be bound
     */
    public static WebServer start(ServerSettings settings, ServerToken token, List<Mount> mounts)
            throws IOException {
        QueuedThreadPool threads =
                new QueuedThreadPool(
                        settings.maxThreads(), Math.min(4, settings.maxThreads()), 60_000);
        threads.setName("cirrus-http");
        threads.setDaemon(true);
        Server server = new Server(threads);
        server.setStopTimeout(2_000);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        http.setRequestHeaderSize(16 * 1024);
        http.setHttpCompliance(HttpCompliance.RFC9110);
        // payload ids travel in paths with their slashes encoded (%2F); routes decode them
        http.setUriCompliance(
                UriCompliance.DEFAULT.with(
                        "cirrus",
                        UriCompliance.Violation.AMBIGUOUS_PATH_SEPARATOR,
                        UriCompliance.Violation.AMBIGUOUS_PATH_ENCODING));
        ServerConnector connector =
                new ServerConnector(server, 1, 1, new HttpConnectionFactory(http));
        connector.setHost(settings.host());
        connector.setPort(settings.port());
        connector.setIdleTimeout(settings.idleTimeout().toMillis());
        connector.setAcceptQueueSize(128);
        HeaderDeadline deadline =
                new HeaderDeadline(connector.getScheduler(), settings.headerTimeout());
        connector.addEventListener(deadline);
        server.addConnector(connector);
        server.addBean(new NetworkConnectionLimit(settings.maxConnections(), connector));
        server.setErrorHandler(new JsonErrorHandler());
        RequestGuard guard = new RequestGuard(settings.host(), token);
        List<Mount> sorted = new ArrayList<>(mounts);
        sorted.sort(Comparator.comparingInt((Mount m) -> m.prefix().length()).reversed());
        server.setHandler(new JettyBridge(settings, guard, deadline, List.copyOf(sorted)));
        try {
            server.start();
        } catch (IOException e) {
            stopQuietly(server);
            throw e;
        } catch (Exception e) {
            stopQuietly(server);
            throw new IOException(e.getMessage(), e);
        }
        guard.port(connector.getLocalPort());
        return new WebServer(server, connector, settings, token);
    }

    private static void stopQuietly(Server server) {
        try {
            server.stop();
        } catch (Exception ignored) {
            // already failing to start; the original error is what matters
        }
    }

    /** The base URL, e.g. {@code http://127.0.0.1:8642}. */
    public URI url() {
        String host = settings.host().contains(":") ? "[" + settings.host() + "]" : settings.host();
        return URI.create("http://" + host + ":" + connector.getLocalPort());
    }

    public ServerToken token() {
        return token;
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("cannot stop the HTTP server: " + e.getMessage(), e);
        }
    }
}
