package cirrus.states.run;

import com.fasterxml.jackson.databind.JsonNode;

/** Something that happened outside the interpreter and that an execution reacts to. */
public sealed interface Event
        permits Event.TaskSucceeded,
                Event.TaskFailed,
                Event.TaskHeartbeat,
                Event.TimerFired,
                Event.StopExecution {

    /** The invocation {@code token} returned {@code output}. */
    record TaskSucceeded(String token, JsonNode output) implements Event {}

    /** The invocation {@code token} failed with an error name and cause. */
    record TaskFailed(String token, String error, String cause) implements Event {}

    /** The invocation {@code token} is alive (resets a {@code HeartbeatSeconds} timer). */
    record TaskHeartbeat(String token) implements Event {}

    /** The timer {@code timerId} expired. */
    record TimerFired(String timerId) implements Event {}

    /** Abort the execution (StopExecution). */
    record StopExecution(String error, String cause) implements Event {}
}
