package cirrus.bench.engine;

import cirrus.runtime.payload.ProcessPayload;
import cirrus.runtime.task.Task;
import cirrus.runtime.task.TaskContext;

/**
 * A Java task that returns its payload; the class the benchmark's {@code bench/java} image runs.
 */
public final class NoopTask implements Task {
    @Override
    public ProcessPayload process(ProcessPayload payload, TaskContext context) {
        return payload;
    }
}
