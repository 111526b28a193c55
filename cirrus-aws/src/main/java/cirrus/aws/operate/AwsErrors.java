package cirrus.aws.operate;

import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

import cirrus.runtime.operate.OperateException;

/** SDK failures as one-line {@link OperateException}s with a hint. */
final class AwsErrors {
    private AwsErrors() {}

    static RuntimeException of(String what, RuntimeException e) {
        if (!(e instanceof SdkException)) {
            return e;
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        String first = message.lines().findFirst().orElse(message);
        if (e instanceof SdkClientException && first.contains("credentials")) {
            return new OperateException(
                    OperateException.Code.NO_CREDENTIALS,
                    "no AWS credentials found",
                    "set AWS_PROFILE or pass --profile, or set AWS_ACCESS_KEY_ID and"
                            + " AWS_SECRET_ACCESS_KEY");
        }
        if (first.length() > 300) {
            first = first.substring(0, 300) + "…";
        }
        return new OperateException(
                OperateException.Code.AWS_ERROR,
                what + " failed: " + first,
                "run again with -v for details; check the region and permissions");
    }
}
