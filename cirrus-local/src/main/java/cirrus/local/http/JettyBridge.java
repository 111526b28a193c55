package cirrus.local.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import com.fasterxml.jackson.core.JsonProcessingException;

import cirrus.runtime.json.Json;

/** Adapts Jetty requests to {@link WebRoute}s: guard, route, reply, errors as JSON. */
final class JettyBridge extends Handler.Abstract {
    private final ServerSettings settings;
    private final RequestGuard guard;
    private final HeaderDeadline deadline;
    private final List<WebServer.Mount> mounts;

    JettyBridge(
            ServerSettings settings,
            RequestGuard guard,
            HeaderDeadline deadline,
            List<WebServer.Mount> mounts) {
        this.settings = settings;
        this.guard = guard;
        this.deadline = deadline;
        this.mounts = mounts;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        deadline.requestArrived(request.getConnectionMetaData().getConnection());
        String method = request.getMethod();
        WebReply reply;
        try {
            guard.check(
                    method,
                    new RequestGuard.Headers(
                            request.getHeaders().get(HttpHeader.HOST),
                            request.getHeaders().get(HttpHeader.ORIGIN),
                            request.getHeaders().get("Sec-Fetch-Site"),
                            request.getHeaders().get(ServerToken.HEADER)));
            WebRequest web =
                    new WebRequest(
                            method,
                            request.getHttpURI().getPath(),
                            request.getHttpURI().getQuery(),
                            name -> request.getHeaders().get(name),
                            () -> readBody(request));
            reply = route(web.rawPath()).handle(web);
        } catch (HttpProblem p) {
            reply = new WebReply.Json(p.status(), p.body());
        } catch (RuntimeException e) {
            System.err.println(
                    "cirrus http: internal error on "
                            + method
                            + " "
                            + request.getHttpURI().getPath()
                            + ": "
                            + e);
            reply =
                    new WebReply.Json(
                            500,
                            HttpProblem.body(
                                    "InternalError",
                                    e.getClass().getSimpleName() + ": " + e.getMessage()));
        }
        write(method, reply, response, callback);
        return true;
    }

    private WebRoute route(String rawPath) {
        for (WebServer.Mount m : mounts) {
            if (m.matches(rawPath)) {
                return m.route();
            }
        }
        return r -> {
            throw HttpProblem.notFound("nothing at " + r.rawPath());
        };
    }

    private byte[] readBody(Request request) {
        long limit = settings.maxBodyBytes();
        long declared = request.getLength();
        if (declared > limit) {
            throw tooLarge(limit);
        }
        long stop = System.nanoTime() + settings.bodyTimeout().toNanos();
        ByteArrayOutputStream out = new ByteArrayOutputStream(declared > 0 ? (int) declared : 1024);
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = Request.asInputStream(request)) {
            int n;
            while ((n = in.read(buffer)) != -1) {
                out.write(buffer, 0, n);
                if (out.size() > limit) {
                    throw tooLarge(limit);
                }
                if (System.nanoTime() > stop) {
                    throw new HttpProblem(
                            408,
                            "RequestTimeout",
                            "the request body did not arrive within "
                                    + settings.bodyTimeout().toSeconds()
                                    + " s");
                }
            }
        } catch (IOException e) {
            throw new HttpProblem(
                    408, "RequestTimeout", "cannot read the request body: " + e.getMessage());
        }
        return out.toByteArray();
    }

    private static byte[] pretty(WebReply.Json json) {
        try {
            return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(json.body());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON: " + e.getMessage(), e);
        }
    }

    private static HttpProblem tooLarge(long limit) {
        return new HttpProblem(
                413, "PayloadTooLarge", "request bodies are limited to " + (limit >> 20) + " MiB");
    }

    private static void write(String method, WebReply reply, Response response, Callback callback) {
        response.setStatus(reply.status());
        response.getHeaders().put("X-Content-Type-Options", "nosniff");
        response.getHeaders().put("Referrer-Policy", "no-referrer");
        byte[] bytes;
        if (reply instanceof WebReply.Json json) {
            bytes = pretty(json);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
            response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        } else if (reply instanceof WebReply.Bytes b) {
            bytes = b.bytes();
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, b.contentType());
            for (Map.Entry<String, String> h : b.headers().entrySet()) {
                response.getHeaders().put(h.getKey(), h.getValue());
            }
        } else {
            bytes = new byte[0];
            response.getHeaders().put(HttpHeader.LOCATION, ((WebReply.Redirect) reply).location());
        }
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, bytes.length);
        boolean head = method.equals("HEAD");
        response.write(true, head ? ByteBuffer.allocate(0) : ByteBuffer.wrap(bytes), callback);
    }
}
