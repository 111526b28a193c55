package cirrus.aws.handler;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.PrintStream;
import java.util.UUID;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;

/**
 * A Lambda {@link Context} for invoking a handler outside Lambda (tests, {@code InvokeHandler},
 * local runners): a fresh request id, the given function name and ARN, logs to {@code log}.
 *
 * @param functionName the function name
 * @param invokedFunctionArn the function ARN (feed-rerun's batch mode needs it)
 * @param log where {@link #getLogger()} writes
 */
public record LocalContext(String functionName, String invokedFunctionArn, PrintStream log)
        implements Context {
    private static final String REQUEST_ID = UUID.randomUUID().toString();

    /** A context for {@code functionName} in account 123456789012, us-east-1, logging to stderr. */
    public static LocalContext of(String functionName) {
        return new LocalContext(
                functionName,
                "arn:aws:lambda:us-east-1:123456789012:function:" + functionName,
                System.err);
    }

    @Override
    public String getAwsRequestId() {
        return REQUEST_ID;
    }

    @Override
    public String getLogGroupName() {
        return "/aws/lambda/" + functionName;
    }

    @Override
    public String getLogStreamName() {
        return "local";
    }

    @Override
    public String getFunctionName() {
        return functionName;
    }

    @Override
    public String getFunctionVersion() {
        return "$LATEST";
    }

    @Override
    public String getInvokedFunctionArn() {
        return invokedFunctionArn;
    }

    @Override
    public CognitoIdentity getIdentity() {
        return null;
    }

    @Override
    public ClientContext getClientContext() {
        return null;
    }

    @Override
    public int getRemainingTimeInMillis() {
        return 900_000;
    }

    @Override
    public int getMemoryLimitInMB() {
        return 128;
    }

    @Override
    public LambdaLogger getLogger() {
        return new LambdaLogger() {
            @Override
            public void log(String message) {
                log.println(message);
            }

            @Override
            public void log(byte[] message) {
                log.println(new String(message, UTF_8));
            }
        };
    }
}
