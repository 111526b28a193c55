package cirrus.runtime.payload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cirrus.runtime.Fixtures;
import cirrus.runtime.event.PayloadEvents;
import cirrus.runtime.json.Json;
import cirrus.runtime.payload.InvalidPayloadException.Code;
import cirrus.runtime.testing.MemoryBlobStore;

/** Port of upstream {@code tests/lib/test_process_payload.py} plus the validation rules. */
class ProcessPayloadTest {
    private static final String COG_ID =
            "sentinel-s2-l2a/workflow-cog-archive/S2B_17HQD_20201103_0_L2A";

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(
            delimiter = '|',
            value = {
                "true | true",
                "false | false",
                "null | false",
                "1 | true",
                "0 | false",
                "0.0 | false",
                "'\"yes\"' | true",
                "'\"false\"' | true",
                "'\"\"' | false",
                "[1] | true",
                "[] | false",
                "'{\"a\": 1}' | true",
                "{} | false"
            })
    void replaceIsTruthyAsInPython(String value, boolean expected) {
        ObjectNode json = Fixtures.testPayload();
        ((ObjectNode) json.get("process")).set("replace", cirrus.runtime.json.Json.parse(value));
        assertThat(ProcessPayload.of(json, false).replace()).isEqualTo(expected);
    }

    @Test
    void openPayloadKeepsItsId() {
        ProcessPayload payload = ProcessPayload.of(Fixtures.testPayload(), false);
        assertThat(payload.id()).isEqualTo(COG_ID);
        assertThat(payload.workflow()).isEqualTo("cog-archive");
        assertThat(payload.warnings()).isEmpty();
    }

    @Test
    void outputOptionsIsADeprecatedAliasOfUploadOptions() {
        ObjectNode json = Fixtures.testPayload();
        ObjectNode process = (ObjectNode) json.get("process");
        process.set("output_options", process.remove("upload_options"));
        ProcessPayload payload = ProcessPayload.of(json, false);
        assertThat(payload.uploadOptions().pathTemplate()).isPresent();
        assertThat(payload.process().has("upload_options")).isTrue();
        assertThat(payload.warnings())
                .containsExactly(
                        "process.output_options is deprecated: use process.upload_options");
    }

    @Test
    void functionsIsADeprecatedAliasOfTasks() {
        ObjectNode json = Fixtures.testPayload();
        ObjectNode process = (ObjectNode) json.get("process");
        process.set("functions", process.remove("tasks"));
        ProcessPayload payload = ProcessPayload.of(json, false);
        assertThat(payload.task("publish")).isPresent();
        assertThat(payload.process().has("functions")).isFalse();
    }

    @Test
    void theIdIsDerivedFromCollectionsWorkflowAndItems() {
        ObjectNode json = Fixtures.testPayload();
        json.remove("id");
        assertThat(ProcessPayload.of(json, true).id()).isEqualTo(COG_ID);
    }

    @Test
    void processCollectionsOverridesTheItemCollectionsInTheId() {
        ObjectNode json = Fixtures.testPayload();
        json.remove("id");
        ((ObjectNode) json.get("process")).put("collections", "my-override");
        assertThat(ProcessPayload.of(json, true).id())
                .isEqualTo("my-override/workflow-cog-archive/S2B_17HQD_20201103_0_L2A");
    }

    @Test
    void itemsWithoutCollectionGiveNoneAndIdsAreSorted() {
        ObjectNode json = minimal();
        json.remove("id");
        ArrayNode features = json.putArray("features");
        features.addObject().put("id", "b");
        features.addObject().put("id", "a");
        assertThat(ProcessPayload.of(json, true).id()).isEqualTo("none/workflow-wf/a/b");
        features.addObject().put("id", "c").put("collection", "z-col");
        features.addObject().put("id", "d").put("collection", "a-col");
        assertThat(ProcessPayload.of(json, true).id()).isEqualTo("a-col/z-col/workflow-wf/a/b/c/d");
    }

    @Test
    void fromEventReadsAnSnsNotificationInsideAnSqsRecord() {
        ProcessPayload payload =
                PayloadEvents.fromEvent(
                        Fixtures.json("upstream/payloads/sqs-event.json"),
                        new PayloadTransport(new MemoryBlobStore(), "payloads", SizeLimit.DEFAULT),
                        true);
        assertThat(payload.id())
                .isEqualTo(
                        "sentinel-s2-l2a-aws/workflow-publish-sentinel/tiles-17-H-QD-2020-11-3-0");
    }

    @Test
    void featuresWithoutLinksGetAnEmptyList() {
        ObjectNode feature = ProcessPayload.of(Fixtures.testPayload(), false).features().get(0);
        assertThat(feature.get("links").isArray()).isTrue();
    }

    @Test
    void theInputDocumentIsNeverModified() {
        ObjectNode json = Fixtures.testPayload();
        json.remove("id");
        String before = json.toString();
        ProcessPayload.of(json, true);
        assertThat(json.toString()).isEqualTo(before);
    }

    // ---- chaining ---------------------------------------------------------------------------

    private static ObjectNode chain(Object... steps) {
        ObjectNode json = Fixtures.testPayload();
        ObjectNode first = (ObjectNode) json.get("process");
        ArrayNode process = json.putArray("process");
        for (Object step : steps) {
            if (step instanceof Integer n) {
                ArrayNode fork = process.addArray();
                for (int i = 0; i < n; i++) {
                    fork.add(first.deepCopy().put("workflow", "fork-" + i));
                }
            } else {
                process.add(first.deepCopy().put("workflow", (String) step));
            }
        }
        return json;
    }

    @Test
    void aSingleProcessHasNoNextPayloads() {
        assertThat(ProcessPayload.of(Fixtures.testPayload(), false).nextPayloads()).isEmpty();
        assertThat(ProcessPayload.of(chain("cog-archive"), false).nextPayloads()).isEmpty();
    }

    @Test
    void aChainOfFourGivesOneNextPayloadWithThreeSteps() {
        List<ObjectNode> next =
                ProcessPayload.of(chain("cog-archive", "two", "three", "four"), false)
                        .nextPayloads();
        assertThat(next).hasSize(1);
        ObjectNode payload = next.get(0);
        assertThat(payload.has("id")).isFalse();
        assertThat(payload.get("process")).hasSize(3);
        assertThat(payload.at("/process/0/workflow").asText()).isEqualTo("two");
        assertThat(ProcessPayload.of(payload, true).id())
                .isEqualTo("sentinel-s2-l2a/workflow-two/S2B_17HQD_20201103_0_L2A");
    }

    @Test
    void aForkGivesOneNextPayloadPerBranch() {
        List<ObjectNode> next =
                ProcessPayload.of(chain("cog-archive", 2, "after"), false).nextPayloads();
        assertThat(next).hasSize(2);
        assertThat(next)
                .extracting(n -> n.at("/process/0/workflow").asText())
                .containsExactly("fork-0", "fork-1");
        assertThat(next)
                .allSatisfy(
                        n -> assertThat(n.at("/process/1/workflow").asText()).isEqualTo("after"));
    }

    @Test
    void aChainFilterKeepsOnlyMatchingFeatures() {
        ObjectNode json = chain("cog-archive", "filtered");
        ((ObjectNode) json.at("/process/1"))
                .put("chain_filter", "@.id =~ 'fake*' & @.properties.gsd <= 0");
        ArrayNode features = json.putArray("features");
        features.addObject().put("id", "fake-1").putObject("properties").put("gsd", 10);
        features.addObject().put("id", "real-2").putObject("properties").put("gsd", 0);
        features.addObject().put("id", "fake-3").putObject("properties").put("gsd", 0);
        List<ObjectNode> next = ProcessPayload.of(json, false).nextPayloads();
        assertThat(next).hasSize(1);
        assertThat(next.get(0).get("features")).hasSize(1);
        assertThat(next.get(0).at("/features/0/id").asText()).isEqualTo("fake-3");
        assertThat(next.get(0).has("id")).isFalse();
    }

    // ---- validation ---------------------------------------------------------------------------

    private static ObjectNode minimal() {
        return (ObjectNode)
                Json.parse(
                        "{\"id\": \"col/workflow-wf/item\", \"type\": \"FeatureCollection\","
                                + " \"features\": [], \"process\": {\"workflow\": \"wf\","
                                + " \"upload_options\": {}, \"tasks\": {}}}");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "no process              | /process                 | MISSING_FIELD | process: ProcessPayload must have a `process` definition",
                "no upload_options       | /process/upload_options  | MISSING_FIELD | process.upload_options: is required",
                "no workflow             | /process/workflow        | MISSING_FIELD | process.workflow: is required",
                "no tasks                | /process/tasks           | MISSING_FIELD | process.tasks: is required",
                "no id                   | /id                      | MISSING_FIELD | id: is required (or derive it from the features)",
            })
    void aMissingFieldIsNamed(String name, String pointer, Code code, String message) {
        ObjectNode json = minimal();
        String parent = pointer.substring(0, pointer.lastIndexOf('/'));
        String field = pointer.substring(pointer.lastIndexOf('/') + 1);
        ((ObjectNode) (parent.isEmpty() ? json : json.at(parent))).remove(field);
        assertThatThrownBy(() -> ProcessPayload.of(json, false))
                .isInstanceOfSatisfying(
                        InvalidPayloadException.class, e -> assertThat(e.code()).isEqualTo(code))
                .hasMessage(message);
    }

    @Test
    void wrongTypesAreNamed() {
        assertProblem(
                "{\"process\": []}", Code.INVALID_VALUE, "process: must not be an empty array");
        assertProblem(
                "{\"process\": 3}",
                Code.WRONG_TYPE,
                "process: must be an object or an array of objects");
        assertProblem("[1]", Code.WRONG_TYPE, "a process payload must be a JSON object");
        ObjectNode json = minimal();
        json.put("features", "nope");
        assertThatThrownBy(() -> ProcessPayload.of(json, false))
                .hasMessage("features: must be an array of STAC items");
        ObjectNode workflow = minimal();
        ((ObjectNode) workflow.get("process")).put("workflow", 7);
        assertThatThrownBy(() -> ProcessPayload.of(workflow, false))
                .hasMessage("process.workflow: must be a non-empty string");
        ObjectNode id = minimal();
        id.put("id", 7);
        assertThatThrownBy(() -> ProcessPayload.of(id, false)).hasMessage("id: must be a string");
    }

    @Test
    void anIdWithoutWorkflowIsInvalid() {
        ObjectNode json = minimal();
        json.put("id", "some-collection/some-workflow/an-item-id");
        assertThatThrownBy(() -> ProcessPayload.of(json, false))
                .isInstanceOfSatisfying(
                        InvalidPayloadException.class,
                        e -> assertThat(e.code()).isEqualTo(Code.INVALID_ID))
                .hasMessage("id: Invalid payload id: some-collection/some-workflow/an-item-id");
    }

    @Test
    void derivingAnIdNeedsFeatures() {
        ObjectNode json = minimal();
        json.remove("id");
        assertThatThrownBy(() -> ProcessPayload.of(json, true))
                .hasMessage("features: at least one feature is needed to derive the id");
    }

    @Test
    void invalidJsonIsReportedWithItsPosition() {
        assertThatThrownBy(() -> ProcessPayload.parse("{\n  \"id\": ,\n}", false))
                .isInstanceOfSatisfying(
                        InvalidPayloadException.class,
                        e -> assertThat(e.code()).isEqualTo(Code.INVALID_JSON))
                .hasMessageContaining("line 2, column");
    }

    private static void assertProblem(String text, Code code, String message) {
        assertThatThrownBy(() -> ProcessPayload.parse(text, false))
                .isInstanceOfSatisfying(
                        InvalidPayloadException.class, e -> assertThat(e.code()).isEqualTo(code))
                .hasMessage(message);
    }
}
