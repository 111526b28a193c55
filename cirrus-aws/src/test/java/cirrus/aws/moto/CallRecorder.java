package cirrus.aws.moto;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Records the IAM actions every SDK call of the JVM needs, by the access key that signed it: a
 * global {@link ExecutionInterceptor} (registered in {@code
 * software/amazon/awssdk/global/handlers/execution.interceptors}). The action is the request's
 * signing name and operation ({@code states:DescribeExecution}), with the S3 operations whose IAM
 * action has another name mapped ({@code HeadObject} → {@code s3:GetObject}). Calls refused with
 * {@code AccessDenied} are recorded too, so a test can name the missing action. Batch operations
 * count as the action IAM authorizes them with ({@code sns:PublishBatch} is allowed by {@code
 * sns:Publish}, {@code sqs:SendMessageBatch} by {@code sqs:SendMessage}).
 */
public final class CallRecorder implements ExecutionInterceptor {
    private static final Pattern CREDENTIAL =
            Pattern.compile("Credential=([^/]+)/[^/]+/[^/]+/([^/]+)/aws4_request");
    private static final Map<String, List<String>> S3_ACTIONS =
            Map.of(
                    "HeadObject", List.of("GetObject"),
                    "ListObjectsV2", List.of("ListBucket"),
                    "ListObjects", List.of("ListBucket"),
                    "HeadBucket", List.of("ListBucket"),
                    "CopyObject", List.of("GetObject", "PutObject"),
                    "GetObjectAttributes", List.of("GetObject"));

    /** Batch operations IAM authorizes with the single-entry action. */
    private static final Map<String, String> BATCH_ACTIONS =
            Map.of(
                    "sns:PublishBatch", "sns:Publish",
                    "sqs:SendMessageBatch", "sqs:SendMessage",
                    "sqs:DeleteMessageBatch", "sqs:DeleteMessage",
                    "sqs:ChangeMessageVisibilityBatch", "sqs:ChangeMessageVisibility");

    private static final Map<String, Set<String>> CALLS = new ConcurrentHashMap<>();
    private static final Map<String, Set<String>> DENIED = new ConcurrentHashMap<>();
    private static final ExecutionAttributeKey KEY = new ExecutionAttributeKey();

    /** The actions called with this access key so far. */
    public static Set<String> calls(String accessKeyId) {
        return Set.copyOf(CALLS.getOrDefault(accessKeyId, Set.of()));
    }

    /** The actions refused for this access key, with the error message, so far. */
    public static Set<String> denied(String accessKeyId) {
        return Set.copyOf(DENIED.getOrDefault(accessKeyId, Set.of()));
    }

    /** Forgets what was recorded for this key. */
    public static void clear(String accessKeyId) {
        CALLS.remove(accessKeyId);
        DENIED.remove(accessKeyId);
    }

    @Override
    public void beforeTransmission(
            Context.BeforeTransmission context, ExecutionAttributes attributes) {
        Optional<String> auth = context.httpRequest().firstMatchingHeader("Authorization");
        if (auth.isEmpty()) {
            return;
        }
        Matcher m = CREDENTIAL.matcher(auth.get());
        if (!m.find()) {
            return;
        }
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        List<String> actions = actions(m.group(2), operation);
        attributes.putAttribute(KEY.key, new Call(m.group(1), actions));
        CALLS.computeIfAbsent(m.group(1), k -> ConcurrentHashMap.newKeySet()).addAll(actions);
    }

    @Override
    public void onExecutionFailure(
            Context.FailedExecution context, ExecutionAttributes attributes) {
        Call call = attributes.getAttribute(KEY.key);
        if (call != null
                && context.exception() instanceof AwsServiceException e
                && (e.statusCode() == 403
                        || e.awsErrorDetails() != null
                                && String.valueOf(e.awsErrorDetails().errorCode())
                                        .contains("AccessDenied"))) {
            DENIED.computeIfAbsent(call.accessKeyId, k -> ConcurrentHashMap.newKeySet())
                    .addAll(call.actions);
        }
    }

    static List<String> actions(String service, String operation) {
        List<String> actions = new ArrayList<>();
        if ("s3".equals(service)) {
            S3_ACTIONS
                    .getOrDefault(operation, List.of(operation))
                    .forEach(a -> actions.add("s3:" + a));
        } else {
            String action = service + ":" + operation;
            actions.add(BATCH_ACTIONS.getOrDefault(action, action));
        }
        return actions;
    }

    private record Call(String accessKeyId, List<String> actions) {}

    private static final class ExecutionAttributeKey {
        final software.amazon.awssdk.core.interceptor.ExecutionAttribute<Call> key =
                new software.amazon.awssdk.core.interceptor.ExecutionAttribute<>(
                        "cirrus.test.call");
    }

    /** All recorded actions, by access key (for diagnostics). */
    public static Map<String, Set<String>> all() {
        Map<String, Set<String>> copy = new java.util.TreeMap<>();
        CALLS.forEach((k, v) -> copy.put(k, new LinkedHashSet<>(v)));
        return copy;
    }
}
