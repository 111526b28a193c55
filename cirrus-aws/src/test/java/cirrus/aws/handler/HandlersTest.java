package cirrus.aws.handler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;

import cirrus.aws.moto.MotoAws;
import cirrus.aws.moto.MotoDeployment;
import cirrus.aws.moto.MotoExtension;
import cirrus.aws.moto.MotoServer;
import cirrus.runtime.json.Json;
import cirrus.runtime.payload.PayloadId;
import cirrus.runtime.port.BlobUrl;
import cirrus.runtime.port.TopicMessage;
import cirrus.runtime.port.WorkflowState;

/**
 * Each builtin handler on moto: the upstream {@code test_empty_event} cases, error names, publish
 * and feed-rerun (including its Batch mode), and configuration errors.
 */
@ExtendWith(MotoExtension.class)
class HandlersTest {
    private MotoDeployment aws;
    private Deployment deployment;
    private MotoServer moto;

    @BeforeEach
    void deploy(MotoServer moto) {
        this.moto = moto;
        aws = new MotoDeployment(moto);
        deployment = aws.deployment();
    }

    @AfterEach
    void close() {
        deployment.close();
        aws.close();
    }

    private static JsonNode empty() {
        return Json.parse("{}");
    }

    private static String errorName(Throwable e) {
        return e.getClass().getName();
    }

    @Test
    void emptyEventsFailLikeUpstreamExceptFeedRerun() {
        LocalContext ctx = LocalContext.of("fn");
        assertThatThrownBy(() -> new ProcessHandler(() -> deployment).handle(empty(), ctx))
                .hasMessage("One or more payloads failed to process")
                .extracting(HandlersTest::errorName)
                .isEqualTo("Exception");
        assertThatThrownBy(() -> new UpdateStateHandler(() -> deployment).handle(empty(), ctx))
                .hasMessage("Unknown event: {}");
        assertThatThrownBy(() -> new PreBatchHandler(() -> deployment).handle(empty(), ctx))
                .hasMessageStartingWith("pre-batch: failed pre processing batch job for (");
        assertThatThrownBy(() -> new PostBatchHandler(() -> deployment).handle(empty(), ctx))
                .extracting(HandlersTest::errorName)
                .isEqualTo("Exception");
        assertThatThrownBy(() -> new PublishHandler(() -> deployment).handle(empty(), ctx))
                .extracting(HandlersTest::errorName)
                .isEqualTo("Exception");
        assertThat(new FeedRerunHandler(() -> deployment).handle(empty(), ctx))
                .isEqualTo(Json.parse("{\"found\": 0}"));
    }

    @Test
    void aMissingVariableIsNamedInTheError() {
        Map<String, String> env = new HashMap<>(aws.environment());
        env.remove("CIRRUS_STATE_DB");
        try (Deployment partial = new Deployment(env, MotoAws.clients(moto), Clock.systemUTC())) {
            assertThatThrownBy(
                            () ->
                                    new FeedRerunHandler(() -> partial)
                                            .handle(empty(), LocalContext.of("feed-rerun")))
                    .hasMessage("environment variable CIRRUS_STATE_DB is not set")
                    .extracting(HandlersTest::errorName)
                    .isEqualTo("Exception");
        }
    }

    @Test
    void publishWritesTheItemsAnnouncesThemAndRecordsOutputs() {
        PayloadId id = PayloadId.parse("col-a/workflow-publish-only/item-1");
        deployment
                .states()
                .setProcessing(id, "arn:aws:states:us-east-1:123456789012:execution:x:1");
        JsonNode payload =
                Json.parse(
                        "{\"id\": \"col-a/workflow-publish-only/item-1\", \"type\":"
                                + " \"FeatureCollection\", \"features\": [{\"type\": \"Feature\","
                                + " \"stac_version\": \"1.0.0\", \"id\": \"item-1\", \"collection\":"
                                + " \"col-a\", \"bbox\": [1, 2, 3, 4], \"properties\": {\"datetime\":"
                                + " \"2020-07-01T00:00:00Z\"}, \"links\": [], \"assets\": {}}],"
                                + " \"process\": {\"workflow\": \"publish-only\", \"upload_options\":"
                                + " {\"path_template\": \"${collection}/${year}/${month}/${id}\"},"
                                + " \"tasks\": {\"publish\": {}}}}");
        JsonNode out =
                new PublishHandler(() -> deployment).handle(payload, LocalContext.of("publish"));
        String url = "s3://" + MotoDeployment.DATA + "/col-a/2020/7/item-1/item-1.json";
        assertThat(out.at("/features/0/links/0/href").asText()).isEqualTo(url);
        assertThat(deployment.blobs().getJson(BlobUrl.parse(url)).path("id").asText())
                .isEqualTo("item-1");
        List<TopicMessage> published = aws.published("publish");
        assertThat(published).hasSize(1);
        assertThat(published.get(0).attributes().get("collection").value()).isEqualTo("col-a");
        assertThat(published.get(0).attributes().get("bbox.ur_lat").value()).isEqualTo("4");
        assertThat(deployment.states().get(id).orElseThrow().outputs()).containsExactly(url);
    }

    @Test
    void feedRerunSendsTheFailedPayloadsToTheProcessQueue() {
        deployment.states().setFailed(PayloadId.parse("col-a/workflow-wf/i1"), "Boom: x");
        deployment.states().setCompleted(PayloadId.parse("col-a/workflow-wf/i2"));
        JsonNode found =
                new FeedRerunHandler(() -> deployment)
                        .handle(
                                Json.parse(
                                        "{\"collections\": \"col-a\", \"workflow\": \"wf\","
                                                + " \"state\": \"FAILED\"}"),
                                LocalContext.of("feed-rerun"));
        assertThat(found).isEqualTo(Json.parse("{\"found\": 1}"));
        assertThat(aws.drain(aws.processQueueUrl))
                .extracting(m -> m.body())
                .containsExactly(
                        "{\"url\": \"s3://"
                                + MotoDeployment.PAYLOADS
                                + "/col-a/workflow-wf/i1/input.json\"}");
        assertThat(deployment.states().state(PayloadId.parse("col-a/workflow-wf/i1")))
                .hasValue(WorkflowState.FAILED);
    }

    @Test
    void feedRerunInBatchModeRunsInlineAndSubmitsNoPythonJob() {
        deployment.states().setFailed(PayloadId.parse("col-a/workflow-wf/i1"), "Boom: x");
        JsonNode found =
                new FeedRerunHandler(() -> deployment)
                        .handle(
                                Json.parse(
                                        "{\"collections\": \"col-a\", \"workflow\": \"wf\","
                                                + " \"state\": \"FAILED\", \"batch\": true}"),
                                LocalContext.of("cirrus-test-feed-rerun"));
        assertThat(found).isEqualTo(Json.parse("{\"found\": 1}"));
        assertThat(aws.drain(aws.processQueueUrl)).hasSize(1);
        // no Batch job was submitted (none could be: this deployment has no job queue)
        assertThat(aws.clients().batch().describeJobQueues().jobQueues()).isEmpty();
    }

    @Test
    void theApiAnswersAsAnApiGatewayProxy() {
        deployment.states().setFailed(PayloadId.parse("col-a/workflow-wf/i1"), "Boom: x");
        JsonNode response =
                new ApiHandler(() -> deployment)
                        .handle(
                                Json.parse(
                                        "{\"path\": \"/col-a/workflow-wf\", \"requestContext\":"
                                                + " {\"stage\": \"dev\"}}"),
                                LocalContext.of("api"));
        assertThat(response.path("statusCode").asInt()).isEqualTo(200);
        assertThat(response.at("/headers/Access-Control-Allow-Origin").asText()).isEqualTo("*");
        JsonNode body = Json.parse(response.path("body").asText());
        assertThat(body.at("/counts/FAILED").asInt()).isEqualTo(1);
        assertThat(body.at("/counts/COMPLETED").asInt()).isZero();
    }
}
