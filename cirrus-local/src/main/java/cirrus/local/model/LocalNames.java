package cirrus.local.model;

import java.util.Locale;
import java.util.Objects;

/**
 * The deterministic names and ARNs of a project running locally: one fake account ({@value
 * #ACCOUNT_ID}) in the configured region, a stack named {@code <service>-<stage>} like the one
 * serverless deploys, and AWS-shaped ARNs so that code comparing or parsing them works unchanged.
 *
 * <pre>
 * function        arn:aws:lambda:&lt;region&gt;:000000000000:function:&lt;name&gt;
 * state machine   arn:aws:states:&lt;region&gt;:000000000000:stateMachine:&lt;name&gt;
 * execution       arn:aws:states:&lt;region&gt;:000000000000:execution:&lt;state machine&gt;:&lt;execution&gt;
 * queue           https://sqs.&lt;region&gt;.amazonaws.com/000000000000/&lt;name&gt;  (Ref)
 *                 arn:aws:sqs:&lt;region&gt;:000000000000:&lt;name&gt;               (Arn)
 * topic           arn:aws:sns:&lt;region&gt;:000000000000:&lt;name&gt;
 * table           arn:aws:dynamodb:&lt;region&gt;:000000000000:table/&lt;name&gt;
 * bucket          arn:aws:s3:::&lt;name&gt;
 * Batch           arn:aws:batch:&lt;region&gt;:000000000000:job-queue/&lt;name&gt;, compute-environment/&lt;name&gt;,
 *                 job-definition/&lt;name&gt; (Ref: the latest revision), job-definition/&lt;name&gt;:&lt;revision&gt;
 * </pre>
 *
 * @param service the serverless service name
 * @param stage the stage ({@code dev} unless {@code --stage} says otherwise)
 * @param region the region ({@code us-west-2} unless {@code --region} says otherwise)
 */
public record LocalNames(String service, String stage, String region) {
    /** The account id every local ARN carries. */
    public static final String ACCOUNT_ID = "000000000000";

    /** The partition of every local ARN. */
    public static final String PARTITION = "aws";

    /** The value of {@code AWS::URLSuffix}. */
    public static final String URL_SUFFIX = "amazonaws.com";

    public LocalNames {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(region, "region");
    }

    /** {@code <service>-<stage>}, the value of {@code AWS::StackName}. */
    public String stackName() {
        return service + "-" + stage;
    }

    /** The value of {@code AWS::StackId}. */
    public String stackId() {
        return arn(
                "cloudformation", "stack/" + stackName() + "/00000000-0000-0000-0000-000000000000");
    }

    /** {@code arn:aws:<service>:<region>:000000000000:<resource>}. */
    public String arn(String awsService, String resource) {
        return "arn:"
                + PARTITION
                + ":"
                + awsService
                + ":"
                + region
                + ":"
                + ACCOUNT_ID
                + ":"
                + resource;
    }

    public String functionArn(String functionName) {
        return arn("lambda", "function:" + functionName);
    }

    public String stateMachineArn(String name) {
        return arn("states", "stateMachine:" + name);
    }

    public String executionArn(String stateMachineName, String executionName) {
        return arn("states", "execution:" + stateMachineName + ":" + executionName);
    }

    public String queueUrl(String name) {
        return "https://sqs." + region + "." + URL_SUFFIX + "/" + ACCOUNT_ID + "/" + name;
    }

    public String queueArn(String name) {
        return arn("sqs", name);
    }

    public String topicArn(String name) {
        return arn("sns", name);
    }

    public String tableArn(String name) {
        return arn("dynamodb", "table/" + name);
    }

    public String jobQueueArn(String name) {
        return arn("batch", "job-queue/" + name);
    }

    public String computeEnvironmentArn(String name) {
        return arn("batch", "compute-environment/" + name);
    }

    /** A job definition's ARN without revision: its latest active revision. */
    public String jobDefinitionArn(String name) {
        return arn("batch", "job-definition/" + name);
    }

    public String jobDefinitionArn(String name, int revision) {
        return arn("batch", "job-definition/" + name + ":" + revision);
    }

    /**
     * The name CloudFormation would generate for a resource without an explicit name, made
     * deterministic: {@code <stack>-<LogicalId>} ({@code <stack>-<logicalid>} for buckets, whose
     * names must be lower case).
     */
    public String generatedName(String logicalId, boolean lowerCase) {
        String name = stackName() + "-" + logicalId;
        return lowerCase ? name.toLowerCase(Locale.ROOT) : name;
    }

    /** The last part of an ARN or URL ({@code ...:name}, {@code .../name}). */
    public static String lastPart(String arnOrUrl) {
        int at = Math.max(arnOrUrl.lastIndexOf('/'), arnOrUrl.lastIndexOf(':'));
        return arnOrUrl.substring(at + 1);
    }
}
