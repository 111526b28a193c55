package cirrus.aws.deploy;

import software.amazon.awssdk.core.exception.SdkException;

/**
 * The one-line text of an AWS SDK client failure for a deploy message. The SDK's own messages can
 * be long: a missing-credentials failure lists every provider of the default chain with its reason
 * (about 1,700 characters on one line). Missing credentials become one sentence that says how to
 * give them; any other message is cut to its first line and {@value #MAX} characters. The full
 * message stays in the exception's cause, which {@code --stacktrace} prints.
 */
final class SdkErrors {
    /** The longest SDK message kept. */
    static final int MAX = 300;

    private SdkErrors() {}

    static String of(SdkException e) {
        String message = String.valueOf(e.getMessage());
        if (message.startsWith("Unable to load credentials")) {
            return "no AWS credentials found (set AWS_PROFILE, or AWS_ACCESS_KEY_ID and"
                    + " AWS_SECRET_ACCESS_KEY, or run 'aws configure')";
        }
        String line = message.lines().findFirst().orElse("").strip();
        return line.length() > MAX ? line.substring(0, MAX) + "..." : line;
    }
}
