package cirrus.aws.moto;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceAlreadyExistsException;
import software.amazon.awssdk.services.sqs.model.Message;

import cirrus.aws.config.AwsClients;
import cirrus.aws.dynamodb.DynamoStateStore;
import cirrus.aws.dynamodb.StateTable;
import cirrus.aws.logs.CloudWatchLogReader;
import cirrus.aws.s3.BucketCredentials;
import cirrus.aws.s3.S3BlobStore;
import cirrus.aws.sns.SnsTopic;
import cirrus.aws.sqs.SqsQueue;
import cirrus.runtime.json.Json;
import cirrus.runtime.port.BlobStore;
import cirrus.runtime.port.LogReader;
import cirrus.runtime.port.MessageAttribute;
import cirrus.runtime.port.Queue;
import cirrus.runtime.port.StateStore;
import cirrus.runtime.port.Topic;
import cirrus.runtime.port.TopicMessage;
import cirrus.runtime.testing.PortFactory;

/**
 * The AWS adapters on moto for the runtime's builtin specifications: DynamoDB state table, S3
 * buckets {@code payloads}, {@code data} and {@code other-bucket}, SQS queues, SNS topics (each
 * with a subscribed queue that records what was published) and CloudWatch Logs.
 */
public final class MotoPorts implements PortFactory {
    public static final String TABLE = "cirrus-test-state";
    public static final List<String> BUCKETS = List.of("payloads", "data", "other-bucket");

    private final AwsClients clients;
    private final Map<String, SnsTopic> topics = new HashMap<>();
    private final Map<String, String> subscribers = new HashMap<>();
    private final Map<String, List<TopicMessage>> received = new HashMap<>();

    public MotoPorts(MotoServer moto) {
        this.clients = MotoAws.clients(moto);
        BUCKETS.forEach(b -> clients.s3().createBucket(r -> r.bucket(b)));
    }

    public AwsClients clients() {
        return clients;
    }

    @Override
    public StateStore stateStore(Clock clock) {
        StateTable.create(clients.dynamoDb(), TABLE);
        return new DynamoStateStore(clients.dynamoDb(), TABLE, clock);
    }

    @Override
    public BlobStore blobStore() {
        return new S3BlobStore(new BucketCredentials(clients));
    }

    @Override
    public Queue queue(String name) {
        return new SqsQueue(clients.sqs(), MotoAws.createQueue(clients.sqs(), name));
    }

    @Override
    public synchronized Topic topic(String name) {
        return topics.computeIfAbsent(
                name,
                n -> {
                    String arn = clients.sns().createTopic(r -> r.name(n)).topicArn();
                    subscribers.put(
                            n,
                            MotoAws.subscribeQueue(clients.sns(), clients.sqs(), arn, n + "-sub"));
                    return new SnsTopic(clients.sns(), arn);
                });
    }

    @Override
    public synchronized List<TopicMessage> published(Topic topic) {
        List<TopicMessage> all = received.computeIfAbsent(topic.name(), k -> new ArrayList<>());
        String queue = subscribers.get(topic.name());
        for (int tries = 0; tries < 50; tries++) {
            List<Message> got =
                    clients.sqs()
                            .receiveMessage(
                                    r ->
                                            r.queueUrl(queue)
                                                    .maxNumberOfMessages(10)
                                                    .visibilityTimeout(600))
                            .messages();
            if (got.isEmpty()) {
                break;
            }
            got.forEach(m -> all.add(fromEnvelope(Json.parse(m.body()))));
        }
        return List.copyOf(all);
    }

    @Override
    public LogReader logReader() {
        return new CloudWatchLogReader(clients.logs());
    }

    @Override
    public void writeLog(String group, String stream, List<String> lines) {
        try {
            clients.logs().createLogGroup(r -> r.logGroupName(group));
        } catch (ResourceAlreadyExistsException e) {
            // several streams share a group
        }
        clients.logs().createLogStream(r -> r.logGroupName(group).logStreamName(stream));
        long start = Instant.now().toEpochMilli() - lines.size();
        List<InputLogEvent> events = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            events.add(InputLogEvent.builder().timestamp(start + i).message(lines.get(i)).build());
        }
        if (!events.isEmpty()) {
            clients.logs()
                    .putLogEvents(
                            r -> r.logGroupName(group).logStreamName(stream).logEvents(events));
        }
    }

    /** The message inside an SNS-to-SQS envelope. */
    public static TopicMessage fromEnvelope(JsonNode envelope) {
        Map<String, MessageAttribute> attributes = new HashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = envelope.path("MessageAttributes").fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            String type = f.getValue().path("Type").asText();
            String value = f.getValue().path("Value").asText();
            attributes.put(
                    f.getKey(),
                    type.equals("Number")
                            ? MessageAttribute.number(value)
                            : MessageAttribute.string(value));
        }
        return new TopicMessage(envelope.path("Message").asText(), attributes);
    }

    @Override
    public void close() {
        clients.close();
    }
}
