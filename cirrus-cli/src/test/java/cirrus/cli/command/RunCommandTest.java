package cirrus.cli.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cirrus.cli.Cli;
import cirrus.cli.Environment;
import cirrus.cli.ExitCode;
import cirrus.local.engine.TestProjects;
import cirrus.runtime.json.Json;

class RunCommandTest {
    @TempDir Path project;

    private record Result(int code, String out, String err) {}

    private Result cirrus(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code =
                Cli.run(
                        args,
                        new PrintWriter(out, true),
                        new PrintWriter(err, true),
                        new Environment(project, Map.of()));
        return new Result(code, out.toString(), err.toString());
    }

    private Path payloadFile(String name, ObjectNode payload) throws Exception {
        return Files.writeString(project.resolve(name), Json.write(payload));
    }

    @Test
    void runProcessesPayloadsToCompletionAndReportsOutputs() throws Exception {
        TestProjects.initOnly(project).write();
        Path payload = payloadFile("p.json", TestProjects.payload("publish-only", "item-1"));

        Result first = cirrus("run", payload.toString());
        assertThat(first.code()).as(first.err()).isEqualTo(ExitCode.OK);
        assertThat(first.out())
                .isEqualTo(
                        """
                        COMPLETED  test-collection/workflow-publish-only/item-1
                          output   s3://cirrus-dev-data/test-collection/2020/7/item-1/item-1.json
                        1 completed
                        """);
        assertThat(
                        project.resolve(
                                ".cirrus/local/buckets/cirrus-dev-data/test-collection/2020/7/item-1/item-1.json"))
                .exists();

        Result again = cirrus("run", payload.toString());
        assertThat(again.code()).isEqualTo(ExitCode.OK);
        assertThat(again.out())
                .contains("SKIPPED    test-collection/workflow-publish-only/item-1")
                .contains("already COMPLETED (run with --replace to process it again)");

        Result replaced = cirrus("run", "--replace", payload.toString());
        assertThat(replaced.code()).isEqualTo(ExitCode.OK);
        assertThat(replaced.out())
                .startsWith("COMPLETED  test-collection/workflow-publish-only/item-1");
    }

    @Test
    void eachPayloadIsPrintedAsItFinishesNotInTheOrderGiven() throws Exception {
        TestProjects.initOnly(project)
                .workflow(
                        "slow",
                        "StartAt: wait\nStates:\n  wait: {Type: Wait, Seconds: 600, End: true}\n")
                .write();
        ArrayNode both = Json.MAPPER.createArrayNode();
        both.add(TestProjects.payload("slow", "slow-1"));
        both.add(TestProjects.payload("publish-only", "quick-1"));
        Path payloads = Files.writeString(project.resolve("both.json"), Json.write(both));

        Result r = cirrus("run", "--timeout", "3", "--progress-every", "1", payloads.toString());
        assertThat(r.code()).as(r.err()).isEqualTo(ExitCode.ERROR);
        // progress lines are for a person at a terminal; here stderr is not one
        assertThat(r.err()).doesNotContain("payloads done");
        // the quick payload is reported when it finishes, before the one still waiting
        assertThat(r.out().lines().toList())
                .startsWith("COMPLETED  test-collection/workflow-publish-only/quick-1")
                .contains("RUNNING    test-collection/workflow-slow/slow-1")
                .endsWith("1 completed, 1 still running");
    }

    @Test
    void outputJsonIsOneArrayOfResults() throws Exception {
        TestProjects.initOnly(project).write();
        Path payload = payloadFile("p.json", TestProjects.payload("publish-only", "item-j"));

        Result r = cirrus("run", "-o", "json", payload.toString());
        assertThat(r.code()).as(r.err()).isEqualTo(ExitCode.OK);
        JsonNode json = Json.parse(r.out());
        assertThat(json.size()).isEqualTo(1);
        assertThat(json.get(0).path("id").asText())
                .isEqualTo("test-collection/workflow-publish-only/item-j");
        assertThat(json.get(0).path("state").asText()).isEqualTo("COMPLETED");
        assertThat(json.get(0).path("outputs").get(0).asText()).endsWith("/item-j/item-j.json");
        assertThat(cirrus("run", "-o", "yaml", payload.toString()).code())
                .isEqualTo(ExitCode.USAGE);
    }

    @Test
    void aFreshlyInitialisedAndBuiltProjectRunsTheBuiltinTestPayload() throws Exception {
        assertThat(cirrus("init").code()).isEqualTo(ExitCode.OK);
        Result build = cirrus("build");
        assertThat(build.code()).as(build.err()).isEqualTo(ExitCode.OK);
        Path payload = project.resolve("test-payload.json");
        try (var in =
                getClass()
                        .getResourceAsStream(
                                "/cirrus/builtins/workflows/publish-only/test-payload.json")) {
            Files.write(payload, in.readAllBytes());
        }

        Result r = cirrus("run", payload.toString());
        assertThat(r.code()).as(r.err()).isEqualTo(ExitCode.OK);
        assertThat(r.out())
                .as("the expectation of the builtin test-config.json")
                .isEqualTo(
                        """
                        COMPLETED  test-collection/workflow-publish-only/test-id
                          output   s3://cirrus-dev-data/test-collection/2020/7/test-id/test-id.json
                        1 completed
                        """);
    }

    @Test
    void anUnknownWorkflowFailsThePayloadAndSaysWhichWorkflowsExist() throws Exception {
        TestProjects.initOnly(project).write();
        Path payload = payloadFile("p.json", TestProjects.payload("nope", "item-x"));

        Result r = cirrus("run", payload.toString());
        assertThat(r.code()).isEqualTo(ExitCode.ERROR);
        assertThat(r.out())
                .startsWith("FAILED     test-collection/workflow-nope/item-x")
                .contains("State Machine Does Not Exist")
                .contains("(the project's workflows are: publish-only)");
    }

    @Test
    void invalidPayloadsAreReportedWithCodesAndNothingRuns() throws Exception {
        TestProjects.initOnly(project).write();
        Path bad =
                Files.writeString(
                        project.resolve("bad.json"),
                        "{\"type\": \"FeatureCollection\", \"features\": [], \"process\": {}}");
        Path broken = Files.writeString(project.resolve("broken.json"), "{\"process\": ");

        Result r = cirrus("run", bad.toString(), broken.toString());
        assertThat(r.code()).isEqualTo(ExitCode.ERROR);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().lines().toList())
                .anySatisfy(l -> assertThat(l).startsWith(bad + ": error[CIRRUS-P"))
                .anySatisfy(
                        l ->
                                assertThat(l)
                                        .startsWith(broken + ":1:")
                                        .contains("error[CIRRUS-P001]"))
                .contains("cirrus run: nothing was run; fix the payloads above");
        assertThat(project.resolve(".cirrus/local")).doesNotExist();
    }

    @Test
    void anUnbuiltProjectIsAClearError() throws Exception {
        Files.writeString(project.resolve("cirrus.yml"), "service: cirrus\n");
        Path payload = payloadFile("p.json", TestProjects.payload("publish-only", "item-1"));

        Result r = cirrus("run", payload.toString());
        assertThat(r.code()).isEqualTo(ExitCode.ERROR);
        assertThat(r.err())
                .isEqualTo(
                        "Error: the project is not built: .cirrus/build/serverless.yml is missing (run `cirrus build` first)\n");
    }

    @Test
    void aFailedBatchJobIsReportedWithItsErrorExitCodeAndLog() throws Exception {
        assumeTrue(
                Files.isExecutable(Path.of("/bin/sh")) || System.getenv("CI") != null,
                "needs /bin/sh");
        TestProjects.initOnly(project)
                .workflow(
                        "batch",
                        """
                        StartAt: batch
                        States:
                          batch:
                            Type: Parallel
                            Branches:
                              - StartAt: pre-batch
                                States:
                                  pre-batch: {Type: Task, Resource: !GetAtt pre-batch.Arn, Next: job}
                                  job:
                                    Type: Task
                                    Resource: arn:aws:states:::batch:submitJob.sync
                                    Parameters: {JobName: check, JobQueue: "#{Q}", JobDefinition: "#{D}", Parameters: {url.$: $.url}}
                                    End: true
                            Next: done
                            Catch: [{ErrorEquals: [States.ALL], ResultPath: $.error, Next: post-batch}]
                          post-batch:
                            Type: Task
                            Resource: !GetAtt post-batch.Arn
                            Catch: [{ErrorEquals: [States.ALL], ResultPath: $.error, Next: failure}]
                            Next: done
                          done: {Type: Succeed}
                          failure: {Type: Fail}
                        """)
                .resources(
                        """
                        CE: {Type: AWS::Batch::ComputeEnvironment, Properties: {Type: MANAGED, ComputeEnvironmentName: ce, ComputeResources: {Type: EC2, MaxvCpus: 2}}}
                        Q: {Type: AWS::Batch::JobQueue, Properties: {JobQueueName: q, Priority: 1, ComputeEnvironmentOrder: [{Order: 1, ComputeEnvironment: !Ref CE}]}}
                        D:
                          Type: AWS::Batch::JobDefinition
                          Properties:
                            JobDefinitionName: check
                            Type: Container
                            Parameters: {url: ""}
                            ContainerProperties:
                              Image: example/check:1
                              Command: [Ref::url]
                              ResourceRequirements: [{Type: VCPU, Value: "1"}, {Type: MEMORY, Value: "256"}]
                        """)
                .local(
                        "images: {example/check:1: [sh, -c, 'echo \"InvalidInput: nothing to check\"; exit 3', check]}")
                .write();
        Path payload = payloadFile("p.json", TestProjects.payload("batch", "item-b"));

        Result r = cirrus("run", "--time-scale", "0.01", payload.toString());
        assertThat(r.code()).isEqualTo(ExitCode.ERROR);
        assertThat(r.out())
                .as(r.err())
                .startsWith(
                        "INVALID    test-collection/workflow-batch/item-b\n  error    InvalidInput: nothing to check\n")
                .containsPattern(
                        "  job      check \\S+ FAILED \\(queue q, exit 3\\) Essential container in task exited log \\.cirrus/local/logs/aws/batch/job/check/default/\\S+\\.log")
                .endsWith("1 invalid\n");
    }
}
