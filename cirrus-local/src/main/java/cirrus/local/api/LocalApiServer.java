package cirrus.local.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import cirrus.local.engine.LocalEngine;
import cirrus.runtime.json.InvalidJsonException;
import cirrus.runtime.json.Json;

/**
 * The JSON HTTP API of {@code cirrus serve}, on 127.0.0.1 only (JDK HTTP server):
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
 * </pre>
 *
 * Errors are {@code {"error": {"code", "message"}}} with 400, 404, 405 or 500.
 */
public final class LocalApiServer implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService workers;

    private LocalApiServer(HttpServer server, ExecutorService workers) {
        this.server = server;
        this.workers = workers;
    }

    /**
     * Serves the engine's API on 127.0.0.1.
     *
     * @param port the port, 0 for any free one
     */
    public static LocalApiServer start(LocalEngine engine, int port) throws IOException {
        HttpServer server =
                HttpServer.create(
                        new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
        ExecutorService workers =
                Executors.newFixedThreadPool(
                        4,
                        r -> {
                            Thread t = new Thread(r, "cirrus-api");
                            t.setDaemon(true);
                            return t;
                        });
        ApiRoutes routes = new ApiRoutes(engine);
        server.createContext("/", exchange -> handle(exchange, routes));
        server.setExecutor(workers);
        server.start();
        return new LocalApiServer(server, workers);
    }

    /** The base URL, e.g. {@code http://127.0.0.1:8642}. */
    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private static void handle(HttpExchange exchange, ApiRoutes routes) throws IOException {
        int status = 200;
        JsonNode body;
        try (exchange) {
            try {
                String method = exchange.getRequestMethod();
                String path = exchange.getRequestURI().getRawPath();
                Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
                JsonNode request = method.equals("POST") ? read(exchange.getRequestBody()) : null;
                ApiRoutes.Response response = routes.route(method, path, query, request);
                status = response.status();
                body = response.body();
            } catch (ApiException e) {
                status = e.status();
                body = error(e.code(), e.getMessage());
            } catch (RuntimeException e) {
                status = 500;
                body = error("InternalError", String.valueOf(e.getMessage()));
            }
            byte[] bytes = Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(body);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    private static JsonNode read(InputStream in) throws IOException {
        byte[] bytes = in.readAllBytes();
        if (bytes.length == 0) {
            return JsonNodeFactory.instance.objectNode();
        }
        try {
            return Json.parse(bytes);
        } catch (InvalidJsonException e) {
            throw ApiException.badRequest("CIRRUS-P001", "invalid JSON: " + e.getMessage());
        }
    }

    private static ObjectNode error(String code, String message) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.putObject("error").put("code", code).put("message", message);
        return o;
    }

    static Map<String, String> query(String raw) {
        Map<String, String> params = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return params;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String key =
                    URLDecoder.decode(
                            eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value =
                    eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.put(key, value);
        }
        return params;
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }
}
