package cirrus.runtime.task;

import cirrus.runtime.payload.ProcessPayload;

/**
 * A workflow task written in Java: takes the payload, returns the payload for the next step
 * (usually with new or changed features). The same class runs as a Lambda function, as a Batch job
 * ({@code process <url> [--output <url_out>]}) and in-process locally, through {@link TaskRunner}.
 *
 * <p>Throw {@link InvalidInput} when the payload cannot be processed by design (the payload becomes
 * INVALID and is not retried); any other exception fails the execution (FAILED, retryable).
 */
@FunctionalInterface
public interface Task {
    /** Processes the payload. */
    ProcessPayload process(ProcessPayload payload, TaskContext context) throws Exception;
}
