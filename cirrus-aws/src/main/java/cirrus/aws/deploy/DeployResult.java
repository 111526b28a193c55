package cirrus.aws.deploy;

import java.util.Map;

/**
 * A successful deployment.
 *
 * @param stackName the stack
 * @param status its final status ({@code CREATE_COMPLETE}, {@code UPDATE_COMPLETE}, or the
 *     unchanged status when there was nothing to update)
 * @param changed false when the template and parameters were those already deployed
 * @param bucket the deployment bucket
 * @param uploaded how many code artifacts were uploaded (the others were already there)
 * @param outputs the stack outputs, in order
 */
public record DeployResult(
        String stackName,
        String status,
        boolean changed,
        String bucket,
        int uploaded,
        Map<String, String> outputs) {
    public DeployResult {
        outputs = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(outputs));
    }
}
