package cirrus.runtime.task;

import java.io.PrintStream;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cirrus.runtime.builtin.TaskError;
import cirrus.runtime.event.PayloadEvents;
import cirrus.runtime.payload.InvalidPayloadException;
import cirrus.runtime.payload.PayloadTransport;
import cirrus.runtime.payload.ProcessPayload;
import cirrus.runtime.port.BlobUrl;

/**
 * Runs a {@link Task} over a payload, the way every cirrus task runs:
 *
 * <ul>
 *   <li>as a Lambda step ({@link #handle}): the event holds the payload, inline or by {@code
 *       {"url"}}; the result is returned inline or, when too large, by URL; failures become {@link
 *       TaskError}s whose type is the Step Functions error name;
 *   <li>as a Batch job ({@link #runBatch}, the {@code process <url> [--output <url_out>]} command):
 *       the payload is read from {@code url}, the result written to {@code url_out} (default:
 *       {@code url} with {@code .json} replaced by {@code _out.json}); on failure the last line
 *       written to the log is {@code <ErrorType>: <message>}, which post-batch turns back into the
 *       error name.
 * </ul>
 */
public final class TaskRunner {
    private final String taskName;
    private final Task task;
    private final PayloadTransport transport;
    private final Clock clock;

    public TaskRunner(String taskName, Task task, PayloadTransport transport, Clock clock) {
        this.taskName = Objects.requireNonNull(taskName, "taskName");
        this.task = Objects.requireNonNull(task, "task");
        this.transport = Objects.requireNonNull(transport, "transport");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Runs the task on the payload of a Lambda event.
     *
     * @return the output payload, inline or {@code {"url"}}
     * @throws TaskError typed {@code InvalidInput} for {@link InvalidInput}, else by the cause
     */
    public JsonNode handle(JsonNode event) {
        ProcessPayload input;
        try {
            input = PayloadEvents.fromEvent(event, transport, false);
        } catch (RuntimeException e) {
            throw asTaskError(e);
        }
        return transport.outgoing(run(input));
    }

    /**
     * Runs the task as a Batch job.
     *
     * @param url where the input payload is
     * @param urlOut where to write the output payload
     * @param log the job's log (standard output in a container)
     * @return the process exit code: 0 on success, 1 on failure
     */
    public int runBatch(String url, Optional<String> urlOut, PrintStream log) {
        try {
            ObjectNode ref = JsonNodeFactory.instance.objectNode().put("url", url);
            ProcessPayload input = ProcessPayload.of(transport.incoming(ref), false);
            log.println(taskName + ": processing " + input.id());
            ProcessPayload output = run(input);
            BlobUrl out = BlobUrl.parse(urlOut.orElse(url.replace(".json", "_out.json")));
            transport.blobs().putJson(out, output.toJson());
            log.println(taskName + ": wrote " + out);
            return 0;
        } catch (RuntimeException e) {
            log.println(errorLine(e));
            log.flush();
            return 1;
        }
    }

    private ProcessPayload run(ProcessPayload input) {
        JsonNode config = input.task(taskName).orElse(JsonNodeFactory.instance.objectNode());
        TaskContext context = new TaskContext(taskName, config, transport.blobs(), clock);
        try {
            return Objects.requireNonNull(task.process(input, context), "task returned no payload");
        } catch (Exception e) {
            throw asTaskError(e);
        }
    }

    /** {@code <ErrorType>: <message>}, the line post-batch parses. */
    public static String errorLine(Throwable e) {
        TaskError error = asTaskError(e);
        String message = error.getMessage() == null ? "" : error.getMessage().replace('\n', ' ');
        return error.errorType() + ": " + message;
    }

    private static TaskError asTaskError(Throwable e) {
        if (e instanceof TaskError error) {
            return error;
        }
        if (e instanceof InvalidInput || e instanceof InvalidPayloadException) {
            return new TaskError(InvalidInput.ERROR_TYPE, e.getMessage(), e);
        }
        return new TaskError(e.getClass().getSimpleName(), String.valueOf(e.getMessage()), e);
    }
}
