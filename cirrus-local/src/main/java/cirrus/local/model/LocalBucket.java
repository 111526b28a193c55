package cirrus.local.model;

import java.nio.file.Path;
import java.util.Objects;

/**
 * An S3 bucket of the project, stored as a directory.
 *
 * @param logicalId its logical id, e.g. {@code Data} or {@code Payloads}
 * @param name the bucket name ({@code BucketName} or {@code <stack>-<logicalid>}, lower case)
 * @param directory {@code <state dir>/buckets/<name>}
 */
public record LocalBucket(String logicalId, String name, Path directory) {
    public LocalBucket {
        Objects.requireNonNull(logicalId, "logicalId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(directory, "directory");
    }
}
