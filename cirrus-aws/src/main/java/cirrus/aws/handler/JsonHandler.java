package cirrus.aws.handler;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Objects;
import java.util.function.Supplier;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;

import cirrus.runtime.builtin.TaskError;
import cirrus.runtime.json.Json;

/**
 * A Lambda stream handler that takes and returns JSON (Jackson, no event classes: small and quick
 * to start). Failures leave as exceptions whose class name is the cirrus error name ({@code
 * Exception}, {@code InvalidInput}, …), which Step Functions sees as the error.
 *
 * <p>The {@link Deployment} is resolved on the first invocation (not at class load), so that a
 * misconfigured function fails with a clear message instead of an init error.
 */
public abstract class JsonHandler implements RequestStreamHandler {
    private final Supplier<Deployment> deployment;

    protected JsonHandler(Supplier<Deployment> deployment) {
        this.deployment = Objects.requireNonNull(deployment, "deployment");
    }

    /** Handles one event; returns the JSON result ({@link NullNode} for {@code null}). */
    protected abstract JsonNode handle(JsonNode event, Deployment deployment, Context context);

    @Override
    public final void handleRequest(InputStream input, OutputStream output, Context context)
            throws IOException {
        JsonNode result = handle(read(input), context);
        output.write(Json.bytes(result));
        output.flush();
    }

    /** Handles a parsed event (the in-process entry, used by tests and local runners). */
    public final JsonNode handle(JsonNode event, Context context) {
        try {
            return handle(event, deployment.get(), context);
        } catch (TaskError e) {
            throw NamedErrors.named(e.errorType(), e.getMessage(), e);
        } catch (RuntimeException e) {
            throw NamedErrors.named(TaskError.GENERIC, String.valueOf(e.getMessage()), e);
        }
    }

    private static JsonNode read(InputStream input) throws IOException {
        byte[] bytes = input.readAllBytes();
        if (bytes.length == 0) {
            return NullNode.getInstance();
        }
        try {
            return Json.parse(bytes);
        } catch (IllegalArgumentException e) {
            throw NamedErrors.named(TaskError.GENERIC, "event is not JSON: " + e.getMessage(), e);
        }
    }
}
