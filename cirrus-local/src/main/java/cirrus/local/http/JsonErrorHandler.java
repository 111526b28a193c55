package cirrus.local.http;

import java.nio.ByteBuffer;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

import cirrus.runtime.json.Json;

/**
 * Errors the HTTP layer answers before a route runs (a malformed request line, headers too large,
 * an ambiguous URI) as JSON, like every other error of the server, instead of Jetty's HTML page.
 */
final class JsonErrorHandler implements Request.Handler {
    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        int status = response.getStatus();
        Object attribute = request.getAttribute(ErrorHandler.ERROR_STATUS);
        if (attribute instanceof Integer s) {
            status = s;
        }
        Object message = request.getAttribute(ErrorHandler.ERROR_MESSAGE);
        String text =
                message != null ? message.toString() : HttpStatus.getMessage(Math.max(status, 100));
        byte[] bytes = Json.bytes(HttpProblem.body(codeOf(status), text));
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, bytes.length);
        response.write(true, ByteBuffer.wrap(bytes), callback);
        return true;
    }

    static String codeOf(int status) {
        return switch (status) {
            case 400 -> "BadRequest";
            case 404 -> "NotFound";
            case 405 -> "MethodNotAllowed";
            case 408 -> "RequestTimeout";
            case 413 -> "PayloadTooLarge";
            case 414 -> "UriTooLong";
            case 431 -> "HeadersTooLarge";
            default -> status >= 500 ? "InternalError" : "HttpError" + status;
        };
    }
}
