package cirrus.states.run;

import java.time.Instant;

/** Work the interpreter asks its caller to do; outcomes come back as {@link Event}s. */
public sealed interface Command
        permits Command.InvokeTask, Command.CancelTask, Command.StartTimer, Command.CancelTimer {

    /** Run a task; report {@link Event.TaskSucceeded} or {@link Event.TaskFailed} later. */
    record InvokeTask(TaskRequest request) implements Command {}

    /** The task's outcome is no longer wanted (timeout, failed sibling, abort): stop it. */
    record CancelTask(String token) implements Command {}

    /** Report {@link Event.TimerFired} when the execution's clock reaches {@code due}. */
    record StartTimer(String timerId, Instant due) implements Command {}

    /** The timer is no longer needed (firing it anyway is harmless). */
    record CancelTimer(String timerId) implements Command {}
}
