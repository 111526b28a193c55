package cirrus.local.model;

import java.util.Map;
import java.util.Objects;

/**
 * A CloudFormation resource of the compiled project, with its local name. The properties of the
 * kinds the local engine runs (buckets, queues, topics, tables, Batch resources, Timestream) have
 * every serverless variable and intrinsic function resolved to local values; the properties of
 * other kinds are as compiled.
 *
 * @param logicalId the key under {@code resources.Resources}
 * @param type the CloudFormation type
 * @param name the physical name (from its name property, or {@code <stack>-<LogicalId>})
 * @param ref what {@code Ref} returns for it locally (a name, URL or ARN depending on the type)
 * @param properties its {@code Properties}
 */
public record LocalResource(
        String logicalId, String type, String name, Object ref, Map<String, Object> properties) {
    public LocalResource {
        Objects.requireNonNull(logicalId, "logicalId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(ref, "ref");
        properties = properties == null ? Map.of() : properties;
    }

    public ResourceKind kind() {
        return ResourceKind.of(type);
    }

    /** {@code ref} as a string (every local {@code Ref} value is one). */
    public String refString() {
        return String.valueOf(ref);
    }
}
