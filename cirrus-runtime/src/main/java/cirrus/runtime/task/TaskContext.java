package cirrus.runtime.task;

import java.time.Clock;
import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;

import cirrus.runtime.port.BlobStore;

/**
 * What a task may use besides its payload.
 *
 * @param taskName the task's name in {@code process.tasks}
 * @param config the task's configuration ({@code process.tasks.<name>}, an empty object if absent)
 * @param blobs object storage for reading assets and writing outputs
 * @param clock the time source
 */
public record TaskContext(String taskName, JsonNode config, BlobStore blobs, Clock clock) {
    public TaskContext {
        Objects.requireNonNull(taskName, "taskName");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(blobs, "blobs");
        Objects.requireNonNull(clock, "clock");
    }
}
