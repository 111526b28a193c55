package cirrus.local.batch;

import java.util.Objects;

/**
 * A registered revision of a job definition. Registering a changed {@link JobDefinitionSpec} under
 * the same name creates the next revision; like a CloudFormation update, the previous revision
 * becomes {@code INACTIVE} and can no longer be submitted by its revision.
 */
public record JobDefinition(int revision, String arn, Status status, JobDefinitionSpec spec) {
    /** Whether a revision can be submitted. */
    public enum Status {
        ACTIVE,
        INACTIVE
    }

    public JobDefinition {
        if (revision < 1) {
            throw new IllegalArgumentException("revision must be >= 1");
        }
        Objects.requireNonNull(arn, "arn");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(spec, "spec");
    }

    /** The job definition name. */
    public String name() {
        return spec.name();
    }

    /** This revision, deregistered. */
    public JobDefinition deactivated() {
        return new JobDefinition(revision, arn, Status.INACTIVE, spec);
    }
}
