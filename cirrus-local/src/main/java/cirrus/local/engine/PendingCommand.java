package cirrus.local.engine;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import cirrus.states.run.TaskRequest;

/**
 * Work a running execution waits for, as stored: a task invocation or a timer. After a restart the
 * engine performs every pending command again (a Batch task whose job was submitted waits for that
 * job instead of submitting another).
 *
 * @param executionArn the execution
 * @param token the task token or timer id
 * @param task the task request, for tasks
 * @param due when the timer fires (real time), for timers
 * @param jobId the Batch job submitted for this task, if any
 */
public record PendingCommand(
        String executionArn,
        String token,
        Optional<TaskRequest> task,
        Optional<Instant> due,
        Optional<String> jobId) {
    public PendingCommand {
        Objects.requireNonNull(executionArn, "executionArn");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(due, "due");
        Objects.requireNonNull(jobId, "jobId");
    }
}
