package cirrus.aws.sqs;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An SQS queue ARN {@code arn:aws:sqs:<region>:<account>:<name>} (cirrus {@code parse_queue_arn}),
 * as Lambda reports it in {@code eventSourceARN}.
 *
 * @param region the queue's region
 * @param accountId the owning account
 * @param name the queue name
 */
public record QueueArn(String region, String accountId, String name) {
    private static final Pattern ARN =
            Pattern.compile(
                    "^arn:aws:sqs:(?<region>[\\-a-z0-9]+):(?<account>\\d+):(?<name>[\\-_a-zA-Z0-9]+)$");

    /**
     * Parses an ARN.
     *
     * @throws IllegalArgumentException when it is not an SQS queue ARN
     */
    public static QueueArn parse(String arn) {
        Matcher m = ARN.matcher(arn == null ? "" : arn);
        if (!m.matches()) {
            throw new IllegalArgumentException("Unable to parse queue ARN: " + arn);
        }
        return new QueueArn(m.group("region"), m.group("account"), m.group("name"));
    }
}
