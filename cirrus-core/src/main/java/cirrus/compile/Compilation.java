package cirrus.compile;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A compiled project: the {@code serverless.yml} tree and what the build directory needs next to
 * it.
 *
 * @param serverless the configuration, in key order; the parts taken from the project model
 *     (function entries' values, state machines, CloudFormation objects) are its read-only trees,
 *     shared rather than copied
 * @param lambdas the Python Lambda directories to write, in registration order
 * @param artifacts the prebuilt artifacts enabled functions deploy ({@code
 *     lambdas/cirrus-builtins.jar}), relative to the build directory
 * @param provenance where each element of {@code serverless} was declared
 */
public record Compilation(
        Map<String, Object> serverless,
        List<LambdaPackage> lambdas,
        Set<String> artifacts,
        Provenance provenance) {
    public Compilation {
        Objects.requireNonNull(serverless, "serverless");
        lambdas = List.copyOf(lambdas);
        artifacts = Set.copyOf(artifacts);
        Objects.requireNonNull(provenance, "provenance");
    }

    /** A compilation without recorded origins. */
    public Compilation(
            Map<String, Object> serverless, List<LambdaPackage> lambdas, Set<String> artifacts) {
        this(serverless, lambdas, artifacts, Provenance.NONE);
    }
}
