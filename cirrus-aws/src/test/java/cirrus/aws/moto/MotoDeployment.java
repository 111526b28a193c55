package cirrus.aws.moto;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import cirrus.aws.config.AwsClients;
import cirrus.aws.dynamodb.StateTable;
import cirrus.aws.handler.Deployment;
import cirrus.runtime.port.TopicMessage;

/**
 * A cirrus deployment on moto, as the builtin CloudFormation creates it (stack {@code
 * cirrus-test}): state table, payload and data buckets, process queue with its dead-letter queue
 * (maxReceiveCount 5), the workflow-event, publish, failed and invalid topics (each with a
 * recording queue), and state machines {@code cirrus-test-<workflow>} created through the API (moto
 * runs only those).
 */
public final class MotoDeployment implements AutoCloseable {
    public static final String STACK = "cirrus-test";
    public static final String TABLE = STACK + "-state";
    public static final String PAYLOADS = STACK + "-payloads";
    public static final String DATA = STACK + "-data";
    public static final String BASE_WORKFLOW_ARN =
            "arn:aws:states:"
                    + MotoAws.REGION
                    + ":"
                    + MotoAws.ACCOUNT
                    + ":stateMachine:"
                    + STACK
                    + "-";

    private final MotoServer moto;
    private final AwsClients clients;
    private final Map<String, String> env = new HashMap<>();
    private final Map<String, String> topicQueues = new HashMap<>();
    public final String processQueueUrl;
    public final String processQueueArn;
    public final String deadLetterUrl;

    public MotoDeployment(MotoServer moto) {
        this.moto = moto;
        clients = MotoAws.clients(moto);
        StateTable.create(clients.dynamoDb(), TABLE);
        clients.s3().createBucket(r -> r.bucket(PAYLOADS));
        clients.s3().createBucket(r -> r.bucket(DATA));
        deadLetterUrl = MotoAws.createQueue(clients.sqs(), STACK + "-process-dead-letter");
        String dlqArn = MotoAws.queueArn(clients.sqs(), deadLetterUrl);
        processQueueUrl =
                clients.sqs()
                        .createQueue(
                                r ->
                                        r.queueName(STACK + "-process")
                                                .attributes(
                                                        Map.of(
                                                                QueueAttributeName
                                                                        .VISIBILITY_TIMEOUT,
                                                                "180",
                                                                QueueAttributeName.REDRIVE_POLICY,
                                                                "{\"deadLetterTargetArn\": \""
                                                                        + dlqArn
                                                                        + "\", \"maxReceiveCount\": 5}")))
                        .queueUrl();
        processQueueArn = MotoAws.queueArn(clients.sqs(), processQueueUrl);
        env.putAll(MotoAws.awsEnvironment(moto));
        env.put("CIRRUS_STACK", STACK);
        env.put("CIRRUS_STATE_DB", TABLE);
        env.put("CIRRUS_PAYLOAD_BUCKET", PAYLOADS);
        env.put("CIRRUS_DATA_BUCKET", DATA);
        env.put("CIRRUS_PROCESS_QUEUE_URL", processQueueUrl);
        env.put("CIRRUS_BASE_WORKFLOW_ARN", BASE_WORKFLOW_ARN);
        env.put("CIRRUS_WORKFLOW_EVENT_TOPIC_ARN", topic("workflow-event"));
        env.put("CIRRUS_PUBLISH_TOPIC_ARN", topic("publish"));
        env.put("CIRRUS_FAILED_TOPIC_ARN", topic("failed"));
        env.put("CIRRUS_INVALID_TOPIC_ARN", topic("invalid"));
    }

    private String topic(String suffix) {
        String name = STACK + "-" + suffix;
        String arn = clients.sns().createTopic(r -> r.name(name)).topicArn();
        topicQueues.put(
                suffix,
                MotoAws.subscribeQueue(clients.sns(), clients.sqs(), arn, name + "-recorder"));
        return arn;
    }

    public AwsClients clients() {
        return clients;
    }

    /** The Lambda environment of the builtin functions. */
    public Map<String, String> environment() {
        return Map.copyOf(env);
    }

    /** A {@link Deployment} over {@link #environment()} (its own clients). */
    public Deployment deployment() {
        return new Deployment(env, MotoAws.clients(moto), Clock.systemUTC());
    }

    /** Creates the state machine {@code cirrus-test-<workflow>} with an ASL definition. */
    public String createWorkflow(String workflow, String definition) {
        return clients.sfn()
                .createStateMachine(
                        r ->
                                r.name(STACK + "-" + workflow)
                                        .roleArn(MotoAws.ROLE)
                                        .definition(definition))
                .stateMachineArn();
    }

    /** Waits (bounded) until the execution is no longer running. */
    public DescribeExecutionResponse awaitExecution(String executionArn)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            DescribeExecutionResponse d =
                    clients.sfn().describeExecution(r -> r.executionArn(executionArn));
            if (d.status() != ExecutionStatus.RUNNING) {
                return d;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("execution still running after 30 s: " + executionArn);
            }
            Thread.sleep(50);
        }
    }

    /** The messages published so far to topic {@code suffix} (workflow-event, publish, …). */
    public List<TopicMessage> published(String suffix) {
        return drain(topicQueues.get(suffix)).stream()
                .map(m -> MotoPorts.fromEnvelope(cirrus.runtime.json.Json.parse(m.body())))
                .toList();
    }

    /** Receives every visible message of a queue (hiding them for 10 minutes). */
    public List<Message> drain(String queueUrl) {
        List<Message> all = new ArrayList<>();
        for (int tries = 0; tries < 50; tries++) {
            List<Message> got =
                    clients.sqs()
                            .receiveMessage(
                                    r ->
                                            r.queueUrl(queueUrl)
                                                    .maxNumberOfMessages(10)
                                                    .visibilityTimeout(600)
                                                    .messageSystemAttributeNamesWithStrings("All"))
                            .messages();
            if (got.isEmpty()) {
                break;
            }
            all.addAll(got);
        }
        return all;
    }

    @Override
    public void close() {
        clients.close();
    }
}
