package cirrus.local.batch;

import java.util.Objects;
import java.util.Optional;

/**
 * The region and account that local ARNs are minted in, and the parsing of Batch ARNs back to
 * resource names. Batch APIs accept a name or an ARN wherever a resource is referenced.
 */
public record BatchArns(String region, String accountId) {
    /** The defaults used when nothing is configured (moto's account id). */
    public static final BatchArns DEFAULT = new BatchArns("us-east-1", "123456789012");

    public BatchArns {
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(accountId, "accountId");
    }

    /** {@code arn:aws:batch:<region>:<account>:compute-environment/<name>}. */
    public String computeEnvironment(String name) {
        return prefix() + "compute-environment/" + name;
    }

    /** {@code arn:aws:batch:<region>:<account>:job-queue/<name>}. */
    public String jobQueue(String name) {
        return prefix() + "job-queue/" + name;
    }

    /** {@code arn:aws:batch:<region>:<account>:job-definition/<name>:<revision>}. */
    public String jobDefinition(String name, int revision) {
        return prefix() + "job-definition/" + name + ":" + revision;
    }

    /** {@code arn:aws:batch:<region>:<account>:job/<jobId>}. */
    public String job(String jobId) {
        return prefix() + "job/" + jobId;
    }

    /**
     * The resource part after {@code <kind>/} of a Batch ARN of that kind (any region or account),
     * or empty when {@code value} is not such an ARN.
     */
    public static Optional<String> resource(String value, String kind) {
        if (value == null || !value.startsWith("arn:")) {
            return Optional.empty();
        }
        String[] parts = value.split(":", 6);
        if (parts.length < 6 || !parts[2].equals("batch")) {
            return Optional.empty();
        }
        String tail = parts[5];
        String marker = kind + "/";
        return tail.startsWith(marker)
                ? Optional.of(tail.substring(marker.length()))
                : Optional.empty();
    }

    private String prefix() {
        return "arn:aws:batch:" + region + ":" + accountId + ":";
    }
}
