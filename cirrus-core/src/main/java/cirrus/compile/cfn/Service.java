package cirrus.compile.cfn;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The service-wide settings of a resolved configuration: names (service, stage, region, stack) and
 * the {@code provider} defaults functions inherit.
 *
 * @param service {@code service} (its {@code name} when it is a map)
 * @param stage {@code provider.stage}, {@code dev} when absent
 * @param region {@code provider.region}, {@code us-east-1} when absent
 * @param stackName {@code provider.stackName}, else {@code <service>-<stage>}
 * @param provider the {@code provider} mapping
 */
record Service(
        String service,
        String stage,
        String region,
        String stackName,
        Map<String, Object> provider) {
    static final String DEFAULT_STAGE = "dev";
    static final String DEFAULT_REGION = "us-east-1";

    static Service of(Map<String, Object> config) {
        Object s = config.get("service");
        String service =
                Tree.text(s).or(() -> Tree.text(Tree.map(s).get("name"))).orElse("service");
        Map<String, Object> provider = Tree.map(config.get("provider"));
        String stage = Tree.text(provider.get("stage")).orElse(DEFAULT_STAGE);
        String region = Tree.text(provider.get("region")).orElse(DEFAULT_REGION);
        String stack = Tree.text(provider.get("stackName")).orElse(service + "-" + stage);
        return new Service(service, stage, region, stack, provider);
    }

    /**
     * The deployed name of function {@code key}: its {@code name}, else {@code
     * <service>-<stage>-<key>}.
     */
    String functionName(String key, Map<String, Object> function) {
        return Tree.text(function.get("name")).orElse(service + "-" + stage + "-" + key);
    }

    /** A provider setting. */
    Optional<Object> setting(String key) {
        return Optional.ofNullable(provider.get(key));
    }

    /**
     * The provider's IAM statements: {@code provider.iam.role.statements} (v3) or {@code
     * provider.iamRoleStatements} (v2).
     */
    List<Object> iamStatements() {
        Object v3 = Tree.map(Tree.map(provider.get("iam")).get("role")).get("statements");
        return v3 != null ? Tree.list(v3) : Tree.list(provider.get("iamRoleStatements"));
    }

    /** The provider settings the template uses. */
    static final Set<String> USED =
            Set.of(
                    "stage",
                    "region",
                    "stackName",
                    "runtime",
                    "memorySize",
                    "timeout",
                    "environment",
                    "vpc",
                    "iam",
                    "iamRoleStatements",
                    "tags",
                    "logRetentionInDays",
                    "architecture",
                    "kmsKeyArn",
                    "layers",
                    "tracing",
                    "endpointType",
                    "apiName");

    /** Provider settings that are about how to deploy, not what: no effect on the template. */
    static final Set<String> DEPLOYMENT =
            Set.of(
                    "name",
                    "profile",
                    "deploymentBucket",
                    "deploymentPrefix",
                    "versionFunctions",
                    "lambdaHashingVersion",
                    "deploymentMethod",
                    "eventBridge");

    /** Provider settings that neither shape the template nor are about deploying. */
    List<String> ignored() {
        return provider.keySet().stream()
                .filter(k -> !USED.contains(k) && !DEPLOYMENT.contains(k))
                .toList();
    }

    /** {@code provider.deploymentBucket} (a name, or a map with {@code name}). */
    Optional<String> deploymentBucket() {
        Object bucket = provider.get("deploymentBucket");
        return Tree.text(bucket).or(() -> Tree.text(Tree.map(bucket).get("name")));
    }

    /** {@code provider.tags} as CloudFormation tags. */
    Map<String, Object> tags() {
        return Tree.map(provider.get("tags"));
    }
}
