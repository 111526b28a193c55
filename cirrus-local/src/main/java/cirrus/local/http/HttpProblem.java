package cirrus.local.http;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A request the server refuses: {@link #status()} is the HTTP status, {@link #code()} a stable
 * code. The client sees {@code {"error": {"code", "message"}}}.
 */
public class HttpProblem extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;

    public HttpProblem(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    public static HttpProblem badRequest(String code, String message) {
        return new HttpProblem(400, code, message);
    }

    public static HttpProblem notFound(String message) {
        return new HttpProblem(404, "NotFound", message);
    }

    public static HttpProblem methodNotAllowed(String message) {
        return new HttpProblem(405, "MethodNotAllowed", message);
    }

    public static HttpProblem forbidden(String code, String message) {
        return new HttpProblem(403, code, message);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    /** The JSON body of the error reply. */
    public ObjectNode body() {
        return body(code, getMessage());
    }

    /** {@code {"error": {"code": code, "message": message}}}. */
    public static ObjectNode body(String code, String message) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.putObject("error").put("code", code).put("message", message);
        return o;
    }
}
