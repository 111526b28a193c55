package cirrus.local.api;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import cirrus.local.engine.LocalEngine;
import cirrus.local.http.ServerSettings;
import cirrus.local.http.ServerToken;
import cirrus.local.http.WebReply;
import cirrus.local.http.WebServer;

/**
 * The HTTP API of {@code cirrus serve} (on 127.0.0.1 unless told otherwise), on the hardened {@link
 * WebServer}:
 *
 * <pre>
 * GET  /health                          engine, stack, workflows
 * POST /payloads                        submit a payload or an array of payloads (validated first)
 * GET  /payloads                        per workflow: counts by state
 * GET  /payloads?collections=&amp;workflow=[&amp;state=&amp;since=&amp;error_begins_with=&amp;limit=]
 * GET  /payloads/&lt;payload id&gt;            the state item, with its executions
 * POST /rerun                           feed-rerun: {collections, workflow, state, since, error_begins_with, limit}
 * GET  /executions[?workflow=&amp;status=&amp;payload_id=&amp;limit=]
 * GET  /executions/&lt;arn&gt;[/history]
 * GET  /jobs[?queue=&amp;status=]             Batch jobs
 * GET  /jobs/&lt;job id&gt;                    DescribeJobs JobDetail
 * GET  /api/…                           the routes of cirrus v0.15.4's api function ({@link V0ApiRoute})
 * </pre>
 *
 * POSTs carry the server's {@link ServerToken} in {@code X-Cirrus-Token}. Errors are {@code
 * {"error": {"code", "message"}}} with 400, 403, 404, 405, 408 or 413 (500 only for a fault of the
 * server itself).
 */
public final class LocalApiServer implements AutoCloseable {
    private final WebServer server;

    private LocalApiServer(WebServer server) {
        this.server = server;
    }

    /**
     * Serves the engine's API on 127.0.0.1 with a fresh token.
     *
     * @param port the port, 0 for any free one
     */
    public static LocalApiServer start(LocalEngine engine, int port) throws IOException {
        return start(engine, ServerSettings.loopback(port), ServerToken.random(), List.of());
    }

    /**
     * Serves the engine's API, plus other mounts (e.g. the dashboard under {@code /ui}).
     *
     * @throws IOException when the address cannot be bound
     */
    public static LocalApiServer start(
            LocalEngine engine,
            ServerSettings settings,
            ServerToken token,
            List<WebServer.Mount> extra)
            throws IOException {
        ApiRoutes routes = new ApiRoutes(engine);
        List<WebServer.Mount> mounts = new ArrayList<>(extra);
        mounts.add(new WebServer.Mount(V0ApiRoute.PREFIX, V0ApiRoute.of(engine)));
        boolean dashboard = extra.stream().anyMatch(m -> m.prefix().equals("/ui"));
        mounts.add(
                new WebServer.Mount(
                        "",
                        request -> {
                            if (dashboard
                                    && request.rawPath().equals("/")
                                    && request.header("Accept").orElse("").contains("text/html")) {
                                return new WebReply.Redirect("/ui/");
                            }
                            String method =
                                    request.method().equals("HEAD") ? "GET" : request.method();
                            ApiRoutes.Response r =
                                    routes.route(
                                            method,
                                            request.rawPath(),
                                            request.query(),
                                            method.equals("POST") ? request.jsonBody() : null);
                            return new WebReply.Json(r.status(), r.body());
                        }));
        return new LocalApiServer(WebServer.start(settings, token, mounts));
    }

    /** The base URL, e.g. {@code http://127.0.0.1:8642}. */
    public URI url() {
        return server.url();
    }

    /** The token state-changing requests must carry. */
    public ServerToken token() {
        return server.token();
    }

    @Override
    public void close() {
        server.close();
    }
}
