package cirrus.aws.sns;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;

import software.amazon.awssdk.services.sqs.model.Message;

import cirrus.aws.config.AwsClients;
import cirrus.aws.moto.MotoAws;
import cirrus.aws.moto.MotoExtension;
import cirrus.aws.moto.MotoServer;
import cirrus.runtime.json.Json;
import cirrus.runtime.port.MessageAttribute;
import cirrus.runtime.port.Topic;
import cirrus.runtime.port.TopicContractTest;
import cirrus.runtime.port.TopicMessage;

@ExtendWith(MotoExtension.class)
class SnsTopicTest extends TopicContractTest {
    private static AwsClients clients;
    private final Map<String, String> subscribers = new HashMap<>();

    private static AwsClients clients() {
        if (clients == null) {
            clients = MotoAws.clients(MotoServer.shared());
        }
        return clients;
    }

    @AfterAll
    static void closeClients() {
        if (clients != null) {
            clients.close();
            clients = null;
        }
    }

    @Override
    protected Topic createTopic(String name) {
        String arn = clients().sns().createTopic(r -> r.name(name)).topicArn();
        subscribers.put(
                name, MotoAws.subscribeQueue(clients().sns(), clients().sqs(), arn, name + "-sub"));
        return new SnsTopic(clients().sns(), arn);
    }

    @Override
    protected List<TopicMessage> delivered(Topic topic) {
        String queue = subscribers.get(topic.name());
        List<TopicMessage> out = new ArrayList<>();
        for (int tries = 0; tries < 20; tries++) {
            List<Message> got =
                    clients()
                            .sqs()
                            .receiveMessage(
                                    r ->
                                            r.queueUrl(queue)
                                                    .maxNumberOfMessages(10)
                                                    .visibilityTimeout(300))
                            .messages();
            if (got.isEmpty()) {
                break;
            }
            got.forEach(m -> out.add(fromEnvelope(Json.parse(m.body()))));
        }
        return out;
    }

    /** The message inside an SNS-to-SQS envelope. */
    private static TopicMessage fromEnvelope(JsonNode envelope) {
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
}
