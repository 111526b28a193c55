package cirrus.compile.cfn;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A compiled CloudFormation template and what deploying it needs.
 *
 * @param template the template (sections in CloudFormation's order)
 * @param stackName {@code provider.stackName}, else {@code <service>-<stage>}
 * @param stage the resolved stage
 * @param region the resolved {@code provider.region}
 * @param deploymentBucket {@code provider.deploymentBucket}, the default bucket of {@code cirrus
 *     deploy}
 * @param artifacts the code artifacts its key parameters name
 * @param slimPatterns globs of files to leave out of installed Python requirements ({@code
 *     custom.pythonRequirements.slim}); empty when not slimming
 */
public record StackTemplate(
        Map<String, Object> template,
        String stackName,
        String stage,
        String region,
        Optional<String> deploymentBucket,
        List<CodeArtifact> artifacts,
        List<String> slimPatterns) {
    /** The file the build writes, relative to the build directory. */
    public static final String FILE = "cloudformation.json";

    /** The parameter naming the bucket of every code artifact. */
    public static final String CODE_BUCKET_PARAMETER = CodeParameters.BUCKET;

    public StackTemplate {
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(stackName, "stackName");
        artifacts = List.copyOf(artifacts);
        slimPatterns = List.copyOf(slimPatterns);
    }

    /** The template as indented JSON, ending with a newline. */
    public String json() {
        return Json.pretty(template);
    }

    /** The number of resources. */
    public int resourceCount() {
        return Tree.map(template.get("Resources")).size();
    }
}
