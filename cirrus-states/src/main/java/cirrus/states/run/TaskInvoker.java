package cirrus.states.run;

/**
 * Runs a Task state's resource and blocks until it ends; used by {@link SyncDriver}. An invoker
 * must stop promptly when its thread is interrupted (the task was cancelled: timeout, failed
 * sibling branch, abort). Asynchronous engines do not use this interface: they handle {@link
 * Command.InvokeTask} themselves and feed {@link Event}s to the {@link Interpreter}.
 */
@FunctionalInterface
public interface TaskInvoker {
    TaskOutcome invoke(TaskRequest request) throws InterruptedException;
}
