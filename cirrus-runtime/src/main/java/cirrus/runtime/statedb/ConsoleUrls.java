package cirrus.runtime.statedb;

/**
 * The AWS console URL of a Step Functions execution, the form in which cirrus reports executions
 * ({@code dbitem_to_item}, workflow events) and from which it derives execution names.
 *
 * @param region the AWS region ({@code AWS_REGION}; cirrus defaults to {@code us-west-2})
 */
public record ConsoleUrls(String region) {
    /** The region cirrus v0.15.4 uses when {@code AWS_REGION} is unset. */
    public static final String DEFAULT_REGION = "us-west-2";

    public ConsoleUrls {
        if (region == null || region.isBlank()) {
            region = DEFAULT_REGION;
        }
    }

    /** The console URL of {@code executionArn}. */
    public String execution(String executionArn) {
        return "https://"
                + region
                + ".console.aws.amazon.com/states/home?region="
                + region
                + "#/v2/executions/details/"
                + executionArn;
    }
}
