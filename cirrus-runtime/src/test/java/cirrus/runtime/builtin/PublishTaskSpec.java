package cirrus.runtime.builtin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cirrus.runtime.json.Json;
import cirrus.runtime.payload.PayloadId;
import cirrus.runtime.port.BlobUrl;
import cirrus.runtime.port.Topic;
import cirrus.runtime.port.TopicMessage;

/** Port of upstream {@code tests/builtins/tasks/test_publish.py} plus the publish semantics. */
public abstract class PublishTaskSpec extends BuiltinSpec {
    private static final PayloadId ID = PayloadId.parse(PAYLOAD_ID);

    private Topic publishTopic;

    private PublishTask task(Optional<String> apiUrl) {
        publishTopic = ports.topic("cirrus-test-publish");
        return new PublishTask(
                transport,
                states,
                new PublishTask.Config(
                        "data", Optional.of(publishTopic), List.of(), apiUrl, "us-west-2"),
                arn -> ports.topic(arn.substring(arn.lastIndexOf(':') + 1)),
                clock);
    }

    private static ObjectNode publishPayload(String template, boolean isPublic) {
        ObjectNode payload = payload();
        payload.put("id", PAYLOAD_ID);
        ObjectNode process = (ObjectNode) payload.get("process");
        ((ObjectNode) process.get("upload_options")).put("path_template", template);
        process.withObjectProperty("tasks").withObjectProperty("publish").put("public", isPublic);
        return payload;
    }

    @Test
    void anEmptyEventFails() {
        assertThatThrownBy(() -> task(Optional.empty()).handle(Json.parse("{}")))
                .isInstanceOf(RuntimeException.class);
    }

    @Test
    void itemsAreWrittenLinkedAnnouncedAndRecorded() {
        states.setProcessing(ID, "arn:x");
        JsonNode out =
                task(Optional.empty())
                        .handle(publishPayload("/${collection}/${year}/${month}/${id}", false));
        String url =
                "s3://data/sentinel-s2-l2a/2020/11/S2B_17HQD_20201103_0_L2A/S2B_17HQD_20201103_0_L2A.json";
        JsonNode stored = blobs.getJson(BlobUrl.parse(url));
        assertThat(stored.at("/links/0/rel").asText()).isEqualTo("self");
        assertThat(stored.at("/links/0/href").asText()).isEqualTo(url);
        assertThat(stored.at("/links/1/rel").asText()).isEqualTo("canonical");
        assertThat(stored.at("/properties/created").asText())
                .isEqualTo(stored.at("/properties/updated").asText());
        assertThat(out.at("/features/0/links/0/href").asText()).isEqualTo(url);
        assertThat(states.get(ID).orElseThrow().outputs()).containsExactly(url);

        List<TopicMessage> messages = ports.published(publishTopic);
        assertThat(messages).hasSize(1);
        Map<String, ?> attributes = messages.get(0).attributes();
        assertThat(attributes)
                .containsKeys(
                        "collection",
                        "bbox.ll_lon",
                        "bbox.ur_lat",
                        "start_datetime",
                        "end_datetime",
                        "datetime",
                        "cloud_cover",
                        "status");
        assertThat(messages.get(0).attributes().get("status").value()).isEqualTo("created");
        assertThat(messages.get(0).attributes().get("cloud_cover").value()).isEqualTo("51.56");
        assertThat(Json.parse(messages.get(0).body()).path("id").asText())
                .isEqualTo("S2B_17HQD_20201103_0_L2A");
    }

    @Test
    void republishingKeepsCreatedAndUpdatesUpdated() {
        states.setProcessing(ID, "arn:x");
        task(Optional.empty()).handle(publishPayload("${collection}/${id}", false));
        String created = clockText();
        clock.advance(Duration.ofHours(1));
        task(Optional.empty()).handle(publishPayload("${collection}/${id}", false));
        JsonNode stored =
                blobs.getJson(
                        BlobUrl.parse(
                                "s3://data/sentinel-s2-l2a/S2B_17HQD_20201103_0_L2A/S2B_17HQD_20201103_0_L2A.json"));
        assertThat(stored.at("/properties/created").asText()).isEqualTo(created);
        assertThat(stored.at("/properties/updated").asText()).isNotEqualTo(created);
        List<TopicMessage> messages = ports.published(publishTopic);
        assertThat(messages).hasSize(2);
        assertThat(messages.get(1).attributes().get("status").value()).isEqualTo("updated");
    }

    private String clockText() {
        return cirrus.runtime.statedb.IsoTime.format(clock.instant());
    }

    @Test
    void publicItemsAreLinkedByHttpsAndS3TemplatesChooseTheBucket() {
        states.setProcessing(ID, "arn:x");
        task(Optional.of("https://api.example.com"))
                .handle(publishPayload("s3://other-bucket/${sentinel:utm_zone}/${id}", true));
        String https =
                "https://other-bucket.s3.us-west-2.amazonaws.com/17/S2B_17HQD_20201103_0_L2A/S2B_17HQD_20201103_0_L2A.json";
        JsonNode stored =
                blobs.getJson(
                        BlobUrl.parse(
                                "s3://other-bucket/17/S2B_17HQD_20201103_0_L2A/S2B_17HQD_20201103_0_L2A.json"));
        assertThat(stored.at("/links/0/href").asText()).isEqualTo(https);
        JsonNode via = stored.at("/links/" + (stored.get("links").size() - 1));
        assertThat(via.path("rel").asText()).isEqualTo("via-cirrus");
        assertThat(via.path("href").asText())
                .isEqualTo("https://api.example.com/catid/" + PAYLOAD_ID);
        assertThat(states.get(ID).orElseThrow().outputs()).containsExactly(https);
    }

    @Test
    void extraTopicsOfTheTaskConfigGetTheItemsToo() {
        states.setProcessing(ID, "arn:x");
        ObjectNode payload = publishPayload("${id}", false);
        ((ObjectNode) payload.at("/process/tasks/publish"))
                .putArray("sns")
                .add("arn:aws:sns:us-west-2:1:extra");
        task(Optional.empty()).handle(payload);
        assertThat(ports.published(ports.topic("extra"))).hasSize(1);
    }

    @Test
    void aMissingPathTemplateFailsPublishing() {
        ObjectNode payload = publishPayload("x", false);
        ((ObjectNode) payload.at("/process/upload_options")).remove("path_template");
        assertThatThrownBy(() -> task(Optional.empty()).handle(payload))
                .isInstanceOf(TaskError.class)
                .hasMessageStartingWith("publish: failed publishing output items (");
    }

    /**
     * Whether the store records outputs of a payload without a state item, as v0.15.4's DynamoDB
     * {@code set_outputs} does (an unconditional update). The local SQLite store keeps a state per
     * row, so there publishing such a payload fails.
     */
    protected boolean recordsOutputsWithoutState() {
        return false;
    }

    @Test
    void aPayloadWithoutStateItemPublishesWhereTheStoreAllowsIt() {
        if (recordsOutputsWithoutState()) {
            ObjectNode payload = publishPayload("${id}", false);
            JsonNode out = task(Optional.empty()).handle(payload);
            assertThat(out.at("/features/0/links/0/rel").asText()).isEqualTo("self");
            assertThat(ports.published(publishTopic)).hasSize(1);
            assertThat(states.get(ID)).as("still a payload without state").isEmpty();
            return;
        }
        assertThatThrownBy(() -> task(Optional.empty()).handle(publishPayload("${id}", false)))
                .isInstanceOf(TaskError.class)
                .hasMessageStartingWith("publish: failed setting statedb outputs (");
    }
}
