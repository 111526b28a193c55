package cirrus.local.http;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import cirrus.runtime.json.InvalidJsonException;
import cirrus.runtime.json.Json;

/**
 * A request as routes see it: method, path and query (strictly decoded, see {@link
 * PercentDecoding}), headers, and a body read on demand within the server's limits.
 */
public final class WebRequest {
    /** Reads the whole body; 413 above the limit, 408 when it does not arrive in time. */
    @FunctionalInterface
    public interface Body {
        byte[] read();
    }

    private final String method;
    private final String rawPath;
    private final String rawQuery;
    private final Function<String, String> headers;
    private final Body body;
    private Map<String, String> query;

    public WebRequest(
            String method,
            String rawPath,
            String rawQuery,
            Function<String, String> headers,
            Body body) {
        this.method = method;
        this.rawPath = rawPath == null || rawPath.isEmpty() ? "/" : rawPath;
        this.rawQuery = rawQuery;
        this.headers = headers;
        this.body = body;
    }

    public String method() {
        return method;
    }

    /** The path as sent, still percent-encoded. */
    public String rawPath() {
        return rawPath;
    }

    /** The decoded path. */
    public String path() {
        return PercentDecoding.path(rawPath);
    }

    /** The decoded query parameters. */
    public Map<String, String> query() {
        if (query == null) {
            query = PercentDecoding.query(rawQuery);
        }
        return query;
    }

    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.apply(name));
    }

    public byte[] body() {
        return body.read();
    }

    /** The body as JSON: {@code {}} when empty, 400 {@code CIRRUS-P001} when not JSON. */
    public JsonNode jsonBody() {
        byte[] bytes = body();
        if (bytes.length == 0) {
            return JsonNodeFactory.instance.objectNode();
        }
        try {
            return Json.parse(bytes);
        } catch (InvalidJsonException e) {
            throw HttpProblem.badRequest("CIRRUS-P001", "invalid JSON: " + e.getMessage());
        }
    }
}
