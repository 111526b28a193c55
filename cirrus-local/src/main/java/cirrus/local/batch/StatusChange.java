package cirrus.local.batch;

import java.util.Objects;

/** One entry of a job's history: the status it entered and when (epoch millis). */
public record StatusChange(JobStatus status, long at) {
    public StatusChange {
        Objects.requireNonNull(status, "status");
    }
}
