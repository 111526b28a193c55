package cirrus.aws.handler;

import java.util.function.Supplier;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.databind.JsonNode;

import cirrus.aws.runner.TaskLoader;
import cirrus.runtime.task.Task;
import cirrus.runtime.task.TaskRunner;

/**
 * Runs a user's Java {@link Task} as a Lambda workflow step: the class named by {@code
 * CIRRUS_TASK_CLASS}, configured as task {@code CIRRUS_TASK_NAME} (default: the function name) in
 * {@code process.tasks}. The payload comes inline or by {@code {"url"}}, the result goes back
 * inline or by URL when large; an {@code InvalidInput} fails the step with that error name. The
 * same class runs as a Batch job through {@code cirrus.aws.runner.BatchRunner}.
 *
 * <p>A task can also get its own entry point by subclassing: {@code public class MyHandler extends
 * TaskHandler { public MyHandler() { super("my-task", new MyTask()); } }}.
 */
public class TaskHandler extends JsonHandler {
    private final String taskName;
    private final Task task;

    /** The task of {@code CIRRUS_TASK_CLASS}, named {@code CIRRUS_TASK_NAME} or the function. */
    public TaskHandler() {
        this(null, null, Deployment::current);
    }

    /** A fixed task (for subclasses that are their own Lambda entry point). */
    protected TaskHandler(String taskName, Task task) {
        this(taskName, task, Deployment::current);
    }

    public TaskHandler(String taskName, Task task, Supplier<Deployment> deployment) {
        super(deployment);
        this.taskName = taskName;
        this.task = task;
    }

    @Override
    protected JsonNode handle(JsonNode event, Deployment deployment, Context context) {
        String name =
                taskName != null
                        ? taskName
                        : deployment
                                .optional("CIRRUS_TASK_NAME")
                                .orElse(context == null ? "task" : context.getFunctionName());
        Task t = task != null ? task : TaskLoader.load(deployment.required("CIRRUS_TASK_CLASS"));
        return new TaskRunner(name, t, deployment.transport(), deployment.clock()).handle(event);
    }
}
