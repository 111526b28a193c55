package cirrus.aws.deploy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What to deploy and how.
 *
 * @param stackName the CloudFormation stack
 * @param template the template (JSON text)
 * @param codeBucketParameter the template parameter that takes the code bucket
 * @param code the code artifacts, one per key parameter
 * @param parameters more parameter values ({@code --parameter K=V})
 * @param bucket the deployment bucket; empty for {@code cirrus-deploy-<account>-<region>}
 * @param slimPatterns globs of files left out of installed Python requirements
 * @param workDirectory where packages are written
 * @param pollInterval how often to look at the stack while it changes
 * @param timeout how long to wait for the stack at most
 */
public record DeployRequest(
        String stackName,
        String template,
        String codeBucketParameter,
        List<CodeSource> code,
        Map<String, String> parameters,
        Optional<String> bucket,
        List<String> slimPatterns,
        Path workDirectory,
        Duration pollInterval,
        Duration timeout) {
    public DeployRequest {
        Objects.requireNonNull(stackName, "stackName");
        Objects.requireNonNull(template, "template");
        code = List.copyOf(code);
        parameters = Map.copyOf(parameters);
        slimPatterns = List.copyOf(slimPatterns);
    }
}
