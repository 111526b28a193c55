package cirrus.local.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cirrus.local.batch.JobStatus;
import cirrus.local.engine.fixtures.StampTask;
import cirrus.local.model.LocalModel;
import cirrus.runtime.json.Json;
import cirrus.runtime.payload.PayloadId;
import cirrus.runtime.port.StateRecord;
import cirrus.runtime.port.WorkflowState;

class ChainAndChoiceTest {
    @TempDir Path project;

    private static StateRecord awaitFinal(LocalEngine engine, String id) {
        return Await.until(
                id + " final",
                Duration.ofSeconds(60),
                () ->
                        engine.states()
                                .get(PayloadId.parse(id))
                                .filter(r -> r.state().isFinal())
                                .orElse(null));
    }

    private static boolean python3() {
        try {
            return new ProcessBuilder("python3", "--version").start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    @Test
    void aChainOfTwoWorkflowsRunsTheSecondOnTheFirstOnesOutput() throws Exception {
        assumeTrue(python3() || System.getenv("CI") != null, "python3 is not installed");
        Path code = Files.createDirectories(project.resolve(".cirrus/build/lambdas/tag"));
        Files.writeString(
                code.resolve("lambda_function.py"),
                """
                def lambda_handler(event, context):
                    for item in event["features"]:
                        item["properties"]["tagged"] = True
                    return event
                """);
        LocalModel model =
                TestProjects.initOnly(project)
                        .function(
                                "tag",
                                "{handler: lambda_function.lambda_handler, module: lambdas/tag, timeout: 30}")
                        .workflow(
                                "tag-and-publish",
                                """
                                StartAt: tag
                                States:
                                  tag: {Type: Task, Resource: !GetAtt tag.Arn, Next: publish}
                                  publish: {Type: Task, Resource: !GetAtt publish.Arn, End: true}
                                """)
                        .model();
        ObjectNode payload = TestProjects.payload("publish-only", "item-c");
        ObjectNode first = (ObjectNode) payload.get("process");
        ObjectNode second = first.deepCopy().put("workflow", "tag-and-publish");
        second.with("upload_options").put("path_template", "tagged/${id}");
        ArrayNode chain = payload.putArray("process");
        chain.add(first).add(second);

        try (LocalEngine engine = LocalEngine.start(model, EngineOptions.defaults())) {
            engine.submit(payload);

            assertThat(awaitFinal(engine, "test-collection/workflow-publish-only/item-c").state())
                    .isEqualTo(WorkflowState.COMPLETED);
            StateRecord chained =
                    awaitFinal(engine, "test-collection/workflow-tag-and-publish/item-c");
            assertThat(chained.state())
                    .as(chained.lastError().orElse(""))
                    .isEqualTo(WorkflowState.COMPLETED);
            JsonNode item =
                    Json.parse(
                            Files.readAllBytes(
                                    model.bucket("Data")
                                            .orElseThrow()
                                            .directory()
                                            .resolve("tagged/item-c/item-c.json")));
            assertThat(item.path("properties").path("tagged").asBoolean()).isTrue();
        }
    }

    @Test
    void aChoiceSendsBatchFlaggedPayloadsToBatchAndOthersToALambda() throws Exception {
        String definition =
                """
                StartAt: choose
                States:
                  choose:
                    Type: Choice
                    Choices:
                      - Variable: $.process.tasks.stamp.batch
                        BooleanEquals: true
                        Next: batch
                    Default: stamp-lambda
                  stamp-lambda:
                    Type: Task
                    Resource: !GetAtt stamp.Arn
                    Next: publish
                  batch:
                    Type: Parallel
                    Branches:
                      - StartAt: pre-batch
                        States:
                          pre-batch: {Type: Task, Resource: !GetAtt pre-batch.Arn, Next: stamp-batch}
                          stamp-batch:
                            Type: Task
                            Resource: arn:aws:states:::batch:submitJob.sync
                            Parameters:
                              JobName: stamp
                              JobQueue: "#{StampJobQueue}"
                              JobDefinition: "#{StampJobDefinition}"
                              Parameters: {url.$: $.url, url_out.$: $.url_out}
                            Next: post-batch
                          post-batch: {Type: Task, Resource: !GetAtt post-batch.Arn, End: true}
                    OutputPath: $[0]
                    Next: publish
                  publish: {Type: Task, Resource: !GetAtt publish.Arn, End: true}
                """;
        LocalModel model =
                TestProjects.initOnly(project)
                        .function(
                                "stamp",
                                "{handler: " + StampTask.class.getName() + ", runtime: java17}")
                        .workflow("choose", definition)
                        .resources(BatchWorkflowTest.RESOURCES)
                        .local(
                                "images: {example/stamp:latest: {java: "
                                        + StampTask.class.getName()
                                        + "}}")
                        .model();
        ObjectNode viaBatch = TestProjects.payload("choose", "item-b");
        viaBatch.with("process").with("tasks").putObject("stamp").put("batch", true);
        ObjectNode viaLambda = TestProjects.payload("choose", "item-l");
        viaLambda.with("process").with("tasks").putObject("stamp").put("batch", false);

        try (LocalEngine engine = LocalEngine.start(model, EngineOptions.defaults())) {
            engine.submit(viaBatch);
            engine.submit(viaLambda);

            StateRecord b = awaitFinal(engine, "test-collection/workflow-choose/item-b");
            StateRecord l = awaitFinal(engine, "test-collection/workflow-choose/item-l");
            assertThat(b.state()).as(b.lastError().orElse("")).isEqualTo(WorkflowState.COMPLETED);
            assertThat(l.state()).as(l.lastError().orElse("")).isEqualTo(WorkflowState.COMPLETED);
            assertThat(
                            engine.batch()
                                    .orElseThrow()
                                    .listJobs("cirrus-dev-stamp", JobStatus.SUCCEEDED))
                    .singleElement()
                    .satisfies(j -> assertThat(j.parameters().get("url")).contains("item-b"));
            Path data = model.bucket("Data").orElseThrow().directory();
            for (String id : new String[] {"item-b", "item-l"}) {
                JsonNode item =
                        Json.parse(
                                Files.readAllBytes(
                                        data.resolve(
                                                "test-collection/2020/7/"
                                                        + id
                                                        + "/"
                                                        + id
                                                        + ".json")));
                assertThat(item.path("properties").path("stamped_by").asText())
                        .as("the Lambda task is named by its function, the Batch task by its class")
                        .isEqualTo(id.equals("item-b") ? "StampTask" : "stamp");
            }
        }
    }
}
