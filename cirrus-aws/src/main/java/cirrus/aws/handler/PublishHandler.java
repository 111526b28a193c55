package cirrus.aws.handler;

import java.util.function.Supplier;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.databind.JsonNode;

import cirrus.runtime.builtin.PublishTask;

/**
 * The {@code publish} task Lambda: writes the output items to the data bucket, announces them on
 * the publish topics and records them as outputs. Needs {@code CIRRUS_DATA_BUCKET}, {@code
 * CIRRUS_PAYLOAD_BUCKET}, {@code CIRRUS_STATE_DB}; uses {@code CIRRUS_PUBLISH_TOPIC_ARN}, {@code
 * CIRRUS_PUBLISH_SNS}, {@code CIRRUS_API_URL}.
 */
public final class PublishHandler extends JsonHandler {
    public PublishHandler() {
        this(Deployment::current);
    }

    public PublishHandler(Supplier<Deployment> deployment) {
        super(deployment);
    }

    @Override
    protected JsonNode handle(JsonNode event, Deployment deployment, Context context) {
        PublishTask.Config config =
                new PublishTask.Config(
                        deployment.required("CIRRUS_DATA_BUCKET"),
                        deployment.topicOf("CIRRUS_PUBLISH_TOPIC_ARN"),
                        deployment.extraPublishTopics(),
                        deployment.optional("CIRRUS_API_URL"),
                        deployment.region());
        return new PublishTask(
                        deployment.transport(),
                        deployment.states(),
                        config,
                        deployment::topic,
                        deployment.clock())
                .handle(event);
    }
}
