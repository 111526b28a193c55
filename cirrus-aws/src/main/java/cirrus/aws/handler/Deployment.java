package cirrus.aws.handler;

import java.time.Clock;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import cirrus.aws.batch.BatchJobs;
import cirrus.aws.config.AwsClients;
import cirrus.aws.config.AwsSettings;
import cirrus.aws.dynamodb.DynamoStateStore;
import cirrus.aws.logs.CloudWatchLogReader;
import cirrus.aws.s3.BucketCredentials;
import cirrus.aws.s3.S3BlobStore;
import cirrus.aws.sfn.ExecutionHistory;
import cirrus.aws.sfn.StepFunctionsStarter;
import cirrus.aws.sns.SnsTopic;
import cirrus.aws.sqs.SqsQueue;
import cirrus.runtime.events.WorkflowEvents;
import cirrus.runtime.payload.PayloadTransport;
import cirrus.runtime.payload.SizeLimit;
import cirrus.runtime.port.BlobStore;
import cirrus.runtime.port.LogReader;
import cirrus.runtime.port.StateStore;
import cirrus.runtime.port.Topic;
import cirrus.runtime.statedb.ConsoleUrls;

/**
 * The composition root of the Lambda handlers and the Batch runner: the AWS adapters of one
 * deployment, built from the environment variables cirrus functions get (cirrus v0.15.4 §6.9 names)
 * and created on first use, so that a handler only pays for the clients it needs.
 *
 * <ul>
 *   <li>{@code CIRRUS_STATE_DB} (table), {@code CIRRUS_PAYLOAD_BUCKET}, {@code CIRRUS_DATA_BUCKET}
 *   <li>{@code CIRRUS_PROCESS_QUEUE_URL}, {@code CIRRUS_BASE_WORKFLOW_ARN}
 *   <li>{@code CIRRUS_WORKFLOW_EVENT_TOPIC_ARN}, {@code CIRRUS_FAILED_TOPIC_ARN}, {@code
 *       CIRRUS_INVALID_TOPIC_ARN}, {@code CIRRUS_PUBLISH_TOPIC_ARN}, {@code CIRRUS_PUBLISH_SNS}
 *   <li>{@code CIRRUS_STACK}, {@code CIRRUS_API_URL}, {@code CIRRUS_BATCH_LOG_GROUP} (default
 *       {@code /aws/batch/job})
 *   <li>{@code AWS_REGION}/{@code AWS_DEFAULT_REGION}, {@code AWS_ENDPOINT_URL}, credentials
 * </ul>
 */
public final class Deployment implements AutoCloseable {
    private static volatile Deployment current;

    private final Map<String, String> env;
    private final AwsClients clients;
    private final Clock clock;
    private final Map<String, Object> cache = new HashMap<>();

    public Deployment(Map<String, String> env, AwsClients clients, Clock clock) {
        this.env = Map.copyOf(env);
        this.clients = clients;
        this.clock = clock;
    }

    /** A deployment over {@code env} with its own clients. */
    public static Deployment fromEnvironment(Map<String, String> env) {
        return new Deployment(
                env, new AwsClients(AwsSettings.fromEnvironment(env)), Clock.systemUTC());
    }

    /** The deployment of this process ({@link System#getenv()}), shared by warm invocations. */
    public static Deployment current() {
        Deployment d = current;
        if (d == null) {
            synchronized (Deployment.class) {
                if (current == null) {
                    current = fromEnvironment(System.getenv());
                }
                d = current;
            }
        }
        return d;
    }

    public AwsClients clients() {
        return clients;
    }

    public Clock clock() {
        return clock;
    }

    /** The value of a variable that must be set. */
    public String required(String name) {
        return optional(name)
                .orElseThrow(
                        () ->
                                new IllegalStateException(
                                        "environment variable " + name + " is not set"));
    }

    /** The value of a variable, empty when unset or blank. */
    public Optional<String> optional(String name) {
        return Optional.ofNullable(env.get(name)).filter(v -> !v.isBlank());
    }

    /** The region for console URLs and public object URLs. */
    public String region() {
        return clients.settings().region().id();
    }

    public StateStore states() {
        return once(
                "states",
                () -> new DynamoStateStore(clients.dynamoDb(), required("CIRRUS_STATE_DB"), clock));
    }

    public BlobStore blobs() {
        return once("blobs", () -> new S3BlobStore(new BucketCredentials(clients)));
    }

    public PayloadTransport transport() {
        return once(
                "transport",
                () ->
                        new PayloadTransport(
                                blobs(), required("CIRRUS_PAYLOAD_BUCKET"), SizeLimit.DEFAULT));
    }

    public SqsQueue processQueue() {
        return once(
                "processQueue",
                () -> new SqsQueue(clients.sqs(), required("CIRRUS_PROCESS_QUEUE_URL")));
    }

    public Optional<SqsQueue> optionalProcessQueue() {
        return optional("CIRRUS_PROCESS_QUEUE_URL").map(url -> processQueue());
    }

    /** The SNS topic with this ARN. */
    public Topic topic(String arn) {
        return once("topic:" + arn, () -> new SnsTopic(clients.sns(), arn));
    }

    /** The topic named by the variable, when set. */
    public Optional<Topic> topicOf(String variable) {
        return optional(variable).map(this::topic);
    }

    /** {@code CIRRUS_PUBLISH_SNS}: comma-separated topic ARNs (deprecated). */
    public List<Topic> extraPublishTopics() {
        return optional("CIRRUS_PUBLISH_SNS").stream()
                .flatMap(v -> Arrays.stream(v.split(",")))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .map(this::topic)
                .toList();
    }

    public StepFunctionsStarter workflows() {
        return once(
                "workflows",
                () ->
                        new StepFunctionsStarter(
                                clients.sfn(), required("CIRRUS_BASE_WORKFLOW_ARN")));
    }

    public ExecutionHistory executionHistory() {
        return once("history", () -> new ExecutionHistory(clients.sfn()));
    }

    public LogReader logs() {
        return once(
                "logs",
                () ->
                        new CloudWatchLogReader(
                                clients.logs(),
                                optional("CIRRUS_BATCH_LOG_GROUP")
                                        .orElse(LogReader.BATCH_LOG_GROUP)));
    }

    public BatchJobs batch() {
        return once("batch", () -> new BatchJobs(clients.batch()));
    }

    /** A new event recorder for one invocation (announcements go to the workflow-event topic). */
    public WorkflowEvents newEvents() {
        return new WorkflowEvents(
                states(),
                topicOf("CIRRUS_WORKFLOW_EVENT_TOPIC_ARN"),
                new ConsoleUrls(region()),
                clock);
    }

    /** The adapter cached under {@code key}, created on first use (creators may nest). */
    private synchronized <T> T once(String key, Supplier<T> create) {
        @SuppressWarnings("unchecked")
        T value = (T) cache.get(key);
        if (value == null) {
            value = create.get();
            cache.put(key, value);
        }
        return value;
    }

    @Override
    public void close() {
        clients.close();
    }
}
