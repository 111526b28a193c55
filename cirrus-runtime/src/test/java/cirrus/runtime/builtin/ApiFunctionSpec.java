package cirrus.runtime.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cirrus.runtime.json.Json;
import cirrus.runtime.payload.PayloadId;
import cirrus.runtime.port.BlobUrl;
import cirrus.runtime.statedb.ConsoleUrls;
import cirrus.runtime.statedb.StateItems;

/** Port of upstream {@code tests/builtins/functions/test_api.py} (without Timestream stats). */
public abstract class ApiFunctionSpec extends BuiltinSpec {
    private ApiFunction api;

    @BeforeEach
    void setUpApi() {
        api =
                new ApiFunction(
                        states,
                        blobs,
                        "data",
                        new StateItems(PAYLOAD_BUCKET, new ConsoleUrls("us-west-2")));
        String[] ids = {"a", "b", "c", "d", "e", "f"};
        states.setProcessing(id(ids[0]), "arn:p");
        states.setCompleted(id(ids[1]));
        states.setFailed(id(ids[2]), "boom");
        states.setFailed(id(ids[3]), "boom");
        states.setInvalid(id(ids[4]), "bad");
        states.setAborted(id(ids[5]));
    }

    private static PayloadId id(String item) {
        return new PayloadId("col1/col2", "wf", item);
    }

    private static ObjectNode request(String path) {
        ObjectNode event = Json.MAPPER.createObjectNode();
        event.put("path", path);
        event.putObject("requestContext")
                .put("domainName", "api.example.com")
                .put("path", "/dev")
                .put("stage", "dev");
        return event;
    }

    @Test
    void anEmptyEventHasNoCatalog() {
        assertThat(api.handle(Json.parse("{}")).status()).isEqualTo(404);
    }

    @Test
    void theCollectionSummaryCountsEveryState() {
        ApiFunction.Response r = api.handle(request("/dev/col1/col2/workflow-wf"));
        assertThat(r.status()).isEqualTo(200);
        assertThat(Json.write(r.body()))
                .isEqualTo(
                        "{\"collections\":\"col1/col2\",\"workflow\":\"wf\",\"counts\":"
                                + "{\"PROCESSING\":1,\"COMPLETED\":1,\"FAILED\":2,\"INVALID\":1,\"ABORTED\":1}}");
        ApiFunction.Response capped =
                api.handle(
                        request("/col1/col2/workflow-wf")
                                .<ObjectNode>set(
                                        "queryStringParameters", Json.parse("{\"limit\": \"1\"}")));
        assertThat(capped.body().at("/counts/FAILED").asText()).isEqualTo("1+");
    }

    @Test
    void itemsAndSingleItemsInCurrentAndLegacyForm() {
        JsonNode list =
                api.handle(
                                request("/col1/col2/workflow-wf/items")
                                        .set(
                                                "queryStringParameters",
                                                Json.parse("{\"state\": \"FAILED\"}")))
                        .body();
        assertThat(list.get("items")).hasSize(2);
        assertThat(list.at("/items/0/catid").asText()).startsWith("col1/col2/workflow-wf/");
        JsonNode one = api.handle(request("/col1/col2/workflow-wf/c")).body();
        assertThat(one.path("last_error").asText()).isEqualTo("boom");
        assertThat(one.path("catalog").asText())
                .isEqualTo("s3://payloads/col1/col2/workflow-wf/c/input.json");
        JsonNode legacy = api.handle(request("/item/col1/col2/workflow-wf/c")).body();
        assertThat(legacy.path("error_message").asText()).isEqualTo("boom");
        assertThat(legacy.path("current_state").asText()).startsWith("FAILED_");
        assertThat(legacy.path("input_collections").asText()).isEqualTo("col1/col2");
    }

    @Test
    void unknownPathsAndPayloads() {
        assertThat(api.handle(request("/nothing-here")).status()).isEqualTo(400);
        assertThat(api.handle(request("/col1/workflow-wf/zzz")).status()).isEqualTo(404);
        assertThat(api.handle(request("/stats")).status()).isEqualTo(404);
    }

    @Test
    void theRootLinksEveryWorkflowOfTheCatalog() {
        blobs.putJson(
                new BlobUrl("data", "catalog.json"),
                Json.parse(
                        "{\"id\": \"earth\", \"description\": \"Earth\", \"cirrus\": {\"workflows\": {\"col1/col2\": [\"wf\"]}}}"));
        ApiFunction.Response r = api.handle(request("/dev"));
        assertThat(r.body().path("id").asText()).isEqualTo("earth-state-api");
        assertThat(r.body().at("/links/1/href").asText())
                .isEqualTo("https://api.example.com/dev/col1/col2/workflow-wf");
        ObjectNode lambda = r.toLambdaResponse();
        assertThat(lambda.path("statusCode").asInt()).isEqualTo(200);
        assertThat(lambda.at("/headers/Access-Control-Allow-Origin").asText()).isEqualTo("*");
        assertThat(Json.parse(lambda.path("body").asText())).isEqualTo(r.body());
    }
}
