package cirrus.plan.template;

import java.util.Objects;

/**
 * One place where a resource's properties point at another resource.
 *
 * @param target the logical id pointed at
 * @param attribute {@code Ref} for a {@code Ref}/{@code ${X}}/{@code #{X}}, else the {@code GetAtt}
 *     attribute name ({@code Arn}, {@code LatestVersionNumber}, …)
 * @param path where, as a property path ({@code ComputeEnvironmentOrder[0].ComputeEnvironment})
 */
public record Reference(String target, String attribute, String path) {
    public static final String REF = "Ref";

    public Reference {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(attribute, "attribute");
        Objects.requireNonNull(path, "path");
    }

    public boolean isRef() {
        return attribute.equals(REF);
    }

    /** How the reference is written, for messages: {@code !Ref X} or {@code !GetAtt X.Arn}. */
    public String display() {
        return isRef() ? "!Ref " + target : "!GetAtt " + target + "." + attribute;
    }
}
