package cirrus.runtime.builtin;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cirrus.runtime.event.PayloadEvents;
import cirrus.runtime.json.PythonJson;
import cirrus.runtime.payload.PathTemplate;
import cirrus.runtime.payload.PayloadTransport;
import cirrus.runtime.payload.ProcessPayload;
import cirrus.runtime.payload.UploadOptions;
import cirrus.runtime.port.BlobUrl;
import cirrus.runtime.port.PutOptions;
import cirrus.runtime.port.StateStore;
import cirrus.runtime.port.Topic;
import cirrus.runtime.port.TopicMessage;
import cirrus.runtime.statedb.IsoTime;

/**
 * The {@code publish} task: writes each output item to its place in the data bucket ({@code
 * upload_options.path_template}) with {@code self}/{@code canonical} links, keeps the {@code
 * created} time of an item published before, announces every item on the publish topics with
 * filterable attributes, and records the item URLs as the payload's outputs.
 *
 * <p>Task config {@code process.tasks.publish}: {@code public} (write world-readable, link by
 * {@code https://} URL) and {@code sns} (extra topic ARNs).
 */
public final class PublishTask {
    /**
     * Deployment settings of publish.
     *
     * @param dataBucket {@code CIRRUS_DATA_BUCKET}, for templates without {@code s3://}
     * @param publishTopic {@code CIRRUS_PUBLISH_TOPIC_ARN}
     * @param extraTopics {@code CIRRUS_PUBLISH_SNS} (deprecated)
     * @param apiUrl {@code CIRRUS_API_URL}: adds a {@code via-cirrus} link to every item
     * @param region {@code AWS_REGION}, for public URLs
     */
    public record Config(
            String dataBucket,
            Optional<Topic> publishTopic,
            List<Topic> extraTopics,
            Optional<String> apiUrl,
            String region) {
        public Config {
            Objects.requireNonNull(dataBucket, "dataBucket");
            extraTopics = List.copyOf(extraTopics);
            region = region == null || region.isBlank() ? "us-east-1" : region;
        }
    }

    private final PayloadTransport transport;
    private final StateStore states;
    private final Config config;
    private final Function<String, Topic> topicsByArn;
    private final Clock clock;

    public PublishTask(
            PayloadTransport transport,
            StateStore states,
            Config config,
            Function<String, Topic> topicsByArn,
            Clock clock) {
        this.transport = Objects.requireNonNull(transport, "transport");
        this.states = Objects.requireNonNull(states, "states");
        this.config = Objects.requireNonNull(config, "config");
        this.topicsByArn = Objects.requireNonNull(topicsByArn, "topicsByArn");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Publishes the payload's items and returns the payload (with links and times set).
     *
     * @throws TaskError {@code publish: failed publishing output items (<error>)} or {@code
     *     publish: failed setting statedb outputs (<error>)}
     */
    public JsonNode handle(JsonNode event) {
        ProcessPayload payload = PayloadEvents.fromEvent(event, transport, false);
        List<ObjectNode> items = new ArrayList<>();
        List<String> urls = new ArrayList<>();
        try {
            JsonNode taskConfig = payload.task("publish").orElse(null);
            boolean isPublic = taskConfig != null && taskConfig.path("public").asBoolean(false);
            UploadOptions options = payload.uploadOptions();
            PathTemplate template =
                    options.pathTemplate()
                            .orElseThrow(
                                    () ->
                                            new IllegalArgumentException(
                                                    "process.upload_options.path_template is required to publish"));
            String now = IsoTime.format(clock.instant());
            for (ObjectNode item : payload.features()) {
                config.apiUrl().ifPresent(api -> addViaCirrusLink(item, api, payload.id()));
                String url = write(item, template, options, isPublic, now);
                urls.add(url);
                items.add(item);
            }
            List<Topic> topics = new ArrayList<>();
            config.publishTopic().ifPresent(topics::add);
            topics.addAll(config.extraTopics());
            if (taskConfig != null) {
                taskConfig.path("sns").forEach(arn -> topics.add(topicsByArn.apply(arn.asText())));
            }
            List<TopicMessage> messages =
                    items.stream()
                            .map(i -> new TopicMessage(PythonJson.dumps(i), ItemAttributes.of(i)))
                            .toList();
            for (Topic topic : topics) {
                topic.publishBatch(messages);
            }
        } catch (RuntimeException e) {
            throw new TaskError(
                    TaskError.GENERIC,
                    "publish: failed publishing output items (" + e.getMessage() + ")",
                    e);
        }
        try {
            states.setOutputs(payload.payloadId(), urls);
        } catch (RuntimeException e) {
            throw new TaskError(
                    TaskError.GENERIC,
                    "publish: failed setting statedb outputs (" + e.getMessage() + ")",
                    e);
        }
        return transport.outgoing(payload.withFeatures(items));
    }

    private String write(
            ObjectNode item,
            PathTemplate template,
            UploadOptions options,
            boolean isPublic,
            String now) {
        String path = template.render(item);
        String relative = (path.isEmpty() ? "" : path + "/") + item.path("id").asText() + ".json";
        String s3 =
                relative.startsWith("s3://")
                        ? relative
                        : "s3://" + config.dataBucket() + "/" + relative.replaceFirst("^/+", "");
        BlobUrl target = BlobUrl.parse(s3);
        String href =
                isPublic
                        ? "https://"
                                + target.bucket()
                                + ".s3."
                                + config.region()
                                + ".amazonaws.com/"
                                + target.key()
                        : s3;
        setSelfLinks(item, href);
        ObjectNode properties = item.withObjectProperty("properties");
        String created =
                transport
                        .blobs()
                        .find(target)
                        .map(
                                bytes ->
                                        cirrus.runtime.json.Json.parse(bytes)
                                                .path("properties")
                                                .path("created"))
                        .filter(JsonNode::isTextual)
                        .map(JsonNode::textValue)
                        .orElse(now);
        properties.put("created", created);
        properties.put("updated", now);
        PutOptions put = new PutOptions("application/json", options.headers(), isPublic);
        transport.blobs().put(target, cirrus.runtime.json.Json.bytes(item), put);
        return href;
    }

    private static void setSelfLinks(ObjectNode item, String href) {
        ArrayNode links = item.withArray("links");
        ArrayNode kept = item.arrayNode();
        kept.addObject().put("rel", "self").put("href", href).put("type", "application/json");
        kept.addObject().put("rel", "canonical").put("href", href).put("type", "application/json");
        for (JsonNode link : links) {
            String rel = link.path("rel").asText();
            if (!rel.equals("self") && !rel.equals("canonical")) {
                kept.add(link);
            }
        }
        item.set("links", kept);
    }

    private static void addViaCirrusLink(ObjectNode item, String apiUrl, String payloadId) {
        item.withArray("links")
                .addObject()
                .put("title", payloadId)
                .put("rel", "via-cirrus")
                .put("href", apiUrl + "/catid/" + payloadId);
    }
}
