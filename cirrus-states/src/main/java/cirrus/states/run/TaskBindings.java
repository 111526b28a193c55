package cirrus.states.run;

import java.util.ArrayList;
import java.util.List;

import cirrus.states.ErrorNames;
import cirrus.states.choice.WildcardPattern;

/**
 * Routes each Task resource to the invoker bound to it: an exact resource string, or a pattern
 * where {@code *} matches any run of characters ({@code arn:aws:lambda:*}). Exact bindings win,
 * then patterns in the order they were added. An unbound resource fails the task with {@code
 * States.Runtime}, which no Catcher handles, so the execution stops and says what is missing.
 */
public final class TaskBindings implements TaskInvoker {
    private record Binding(String resource, WildcardPattern pattern, TaskInvoker invoker) {}

    private final List<Binding> bindings = new ArrayList<>();

    /** Binds {@code resource} (which may contain {@code *}) to {@code invoker}. */
    public TaskBindings bind(String resource, TaskInvoker invoker) {
        String escaped = resource.replace("\\", "\\\\");
        bindings.add(new Binding(resource, WildcardPattern.compile(escaped), invoker));
        return this;
    }

    /** The invoker for a resource, or null. */
    public TaskInvoker find(String resource) {
        for (Binding binding : bindings) {
            if (binding.resource().equals(resource)) {
                return binding.invoker();
            }
        }
        for (Binding binding : bindings) {
            if (binding.pattern().matches(resource)) {
                return binding.invoker();
            }
        }
        return null;
    }

    @Override
    public TaskOutcome invoke(TaskRequest request) throws InterruptedException {
        TaskInvoker invoker = find(request.resource());
        if (invoker == null) {
            return TaskOutcome.failed(
                    ErrorNames.RUNTIME,
                    "No task binding for resource '"
                            + request.resource()
                            + "' (state '"
                            + request.stateName()
                            + "')");
        }
        return invoker.invoke(request);
    }
}
