package cirrus.runtime.builtin;

import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import cirrus.runtime.event.PayloadEvents;
import cirrus.runtime.json.InvalidJsonException;
import cirrus.runtime.json.Json;
import cirrus.runtime.payload.PayloadTransport;
import cirrus.runtime.port.LogReader;
import cirrus.runtime.port.StoreException;

/**
 * The {@code post-batch} task. Without {@code error}, its input is the Batch job description and
 * the output payload is read from the job's {@code Parameters.url_out}. With {@code error} (the
 * Catch output of the Batch step), it turns the job's failure into a workflow error: the type and
 * message come from the last line of the job's log ({@code InvalidInput: no assets} → error {@code
 * InvalidInput}), and when there is no log, from the container and status reasons — with the exact
 * messages of cirrus v0.15.4.
 */
public final class PostBatchTask {
    /** {@code [cirrus.lib.errors.|cirruslib.errors.][<type>:] <message>}. */
    static final Pattern ERROR_LINE =
            Pattern.compile(
                    "^(?:cirrus\\.?lib\\.errors\\.)?(?:([.\\w]+):)?\\s*(.*)", Pattern.DOTALL);

    private final PayloadTransport transport;
    private final LogReader logs;

    public PostBatchTask(PayloadTransport transport, LogReader logs) {
        this.transport = Objects.requireNonNull(transport, "transport");
        this.logs = Objects.requireNonNull(logs, "logs");
    }

    /**
     * The job's output payload (inline or by URL).
     *
     * @throws TaskError the job's error, typed by its last log line
     */
    public JsonNode handle(JsonNode event) {
        JsonNode error = event.get("error");
        if (error == null || error.isNull()) {
            return transport.outgoing(PayloadEvents.fromEvent(event, transport, false));
        }
        throw errorOf(error);
    }

    private TaskError errorOf(JsonNode error) {
        if (!error.has("Cause")) {
            return fail("Unable to get error log: Cause is not defined");
        }
        JsonNode cause;
        try {
            JsonNode text = error.get("Cause");
            cause = text.isTextual() ? Json.parse(text.textValue()) : text;
        } catch (InvalidJsonException e) {
            return fail("Unable to get error log: Cause is not JSON (" + e.getMessage() + ")");
        }
        JsonNode attempts = cause.get("Attempts");
        if (attempts == null || !attempts.isArray() || attempts.isEmpty()) {
            // a job that never started (cancelled, e.g. because it can never fit) says why
            JsonNode reason = cause.get("StatusReason");
            return fail(
                    "Unable to get error log: Attempts is empty"
                            + (reason != null && reason.isTextual()
                                    ? " (Status Reason: " + reason.textValue() + ")"
                                    : ""));
        }
        JsonNode attempt = attempts.get(attempts.size() - 1);
        JsonNode container = attempt.get("Container");
        if (container == null || container.isNull()) {
            return fail("Unable to get error log: Container for last Attempt is missing");
        }
        JsonNode stream = container.get("LogStreamName");
        if (stream == null || !stream.isTextual() || stream.textValue().isEmpty()) {
            return fail("Unable to get error log: LogStreamName for last Attempt is missing");
        }
        try {
            List<String> last = logs.lastLines(LogReader.BATCH_LOG_GROUP, stream.textValue(), 1);
            if (!last.isEmpty()) {
                return fromLogLine(last.get(0));
            }
        } catch (StoreException | IllegalArgumentException e) {
            // no log: the container likely never ran; fall through to the reasons
        }
        return fail(
                "Unable to get error log, container likely never ran. Container Reason: "
                        + pythonStr(container.get("Reason"))
                        + "; Status Reason: "
                        + pythonStr(attempt.get("StatusReason")));
    }

    /** The error a log line describes: {@code InvalidInput: x} → type InvalidInput, message x. */
    static TaskError fromLogLine(String line) {
        Matcher m = ERROR_LINE.matcher(line);
        m.matches();
        String type = m.group(1) == null ? "UnknownError" : m.group(1);
        return new TaskError(type, m.group(2));
    }

    private static String pythonStr(JsonNode value) {
        return value == null || value.isNull() ? "None" : value.asText();
    }

    private static TaskError fail(String message) {
        return new TaskError(TaskError.GENERIC, message);
    }
}
