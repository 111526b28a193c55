package cirrus.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import cirrus.cli.Cli;
import cirrus.cli.ExitCode;
import cirrus.states.json.Json;

/** {@code cirrus states execute}, run in-process, with task bindings that are real processes. */
class StatesCommandTest {
    @TempDir Path dir;

    private record Run(int code, String out, String err) {
        JsonNode json() throws Exception {
            return Json.parse(out);
        }
    }

    private static Run cirrus(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    private Path file(String name, String text) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, text.replace('\'', '"'));
        return file;
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(StatesCommandTest.class.getResource("/states/" + name).toURI());
    }

    @Test
    void printsTheOutputOfASucceededExecution() throws Exception {
        Path def =
                file(
                        "m.json",
                        "{'StartAt':'A','States':{'A':{'Type':'Pass','Parameters':{'sum.$':'States.MathAdd($.a, $.b)'},'End':true}}}");
        Path input = file("in.json", "{'a': 2, 'b': 3}");
        Run run = cirrus("states", "execute", def.toString(), "--input", input.toString());
        assertThat(run.code()).as(run.err()).isEqualTo(ExitCode.OK);
        assertThat(run.json()).isEqualTo(Json.parse("{\"sum\":5}"));
        assertThat(run.err()).isEmpty();
    }

    @Test
    void aTaskBindingPipesTheInputThroughACommand() throws Exception {
        Path def =
                file(
                        "m.json",
                        "{'StartAt':'T','States':{'T':{'Type':'Task','Resource':'arn:x','Parameters':{'v.$':'$.v'},'ResultPath':'$.echoed','End':true}}}");
        Path input = file("in.json", "{'v': [1, 'two']}");
        Run run =
                cirrus(
                        "states",
                        "execute",
                        def.toString(),
                        "--input",
                        input.toString(),
                        "--task",
                        "arn:x=cat");
        assertThat(run.code()).as(run.err()).isEqualTo(ExitCode.OK);
        assertThat(run.json())
                .isEqualTo(Json.parse("{\"v\":[1,\"two\"],\"echoed\":{\"v\":[1,\"two\"]}}"));
    }

    @Test
    void aParametersPathThatSelectsNothingIsStatesRuntimeWhichStatesAllDoesNotCatch()
            throws Exception {
        // As the library (and so the local engine) does: docs/states.md, error names.
        Path marker = dir.resolve("ran");
        Path def =
                file(
                        "m.json",
                        "{'StartAt':'T','States':{'T':{'Type':'Task','Resource':'arn:x',"
                                + "'Parameters':{'url.$':'$.url'},'End':true,"
                                + "'Retry':[{'ErrorEquals':['States.ALL']}],"
                                + "'Catch':[{'ErrorEquals':['States.ALL'],'Next':'H'}]},"
                                + "'H':{'Type':'Pass','End':true}}}");
        Path input = file("in.json", "{'id': 1}");
        Run run =
                cirrus(
                        "states",
                        "execute",
                        def.toString(),
                        "--input",
                        input.toString(),
                        "--task",
                        "arn:x=touch " + marker + "; cat");
        assertThat(run.code()).isEqualTo(ExitCode.ERROR);
        assertThat(run.json())
                .isEqualTo(
                        Json.parse(
                                "{\"Error\":\"States.Runtime\",\"Cause\":\"An error occurred"
                                        + " while executing the state 'T' (entered at the event id"
                                        + " #2). The JSONPath '$.url' specified for the field"
                                        + " 'url.$' could not be found in the input"
                                        + " '{\\\"id\\\":1}'\"}"));
        assertThat(marker).doesNotExist();
    }

    @Test
    void aFailingCommandFailsTheTaskWithTheFirstWordOfItsLastStderrLine() throws Exception {
        Path def =
                file(
                        "m.json",
                        "{'StartAt':'T','States':{'T':{'Type':'Task','Resource':'arn:x','End':true}}}");
        Run run =
                cirrus(
                        "states",
                        "execute",
                        def.toString(),
                        "--task",
                        "arn:x=echo 'Traceback (most recent call last):' >&2; echo 'ValueError: no such item' >&2; exit 3");
        assertThat(run.code()).isEqualTo(ExitCode.ERROR);
        assertThat(run.json())
                .isEqualTo(Json.parse("{\"Error\":\"ValueError\",\"Cause\":\"no such item\"}"));
    }

    @Test
    void commandFailuresAreRetriedAndCaughtLikeAnyTaskError() throws Exception {
        Path seen = dir.resolve("seen");
        Path def =
                file(
                        "m.json",
                        "{'StartAt':'T','States':{'T':{'Type':'Task','Resource':'arn:batch','Next':'Fail',"
                                + "'Retry':[{'ErrorEquals':['Batch.AWSBatchException'],'IntervalSeconds':600,'MaxAttempts':1}],"
                                + "'Catch':[{'ErrorEquals':['States.ALL'],'ResultPath':'$.error','Next':'Caught'}]},"
                                + "'Caught':{'Type':'Pass','End':true},'Fail':{'Type':'Fail','Error':'NotExpected'}}}");
        String flaky =
                "if [ -f "
                        + seen
                        + " ]; then echo 'Boom: second failure' >&2; exit 1; else touch "
                        + seen
                        + "; echo 'Batch.AWSBatchException: slow down' >&2; exit 1; fi";
        Run run =
                cirrus(
                        "states",
                        "execute",
                        def.toString(),
                        "--time-scale",
                        "0.0001",
                        "--task",
                        "arn:batch=" + flaky);
        assertThat(run.code()).as(run.err()).isEqualTo(ExitCode.OK);
        assertThat(run.json())
                .isEqualTo(
                        Json.parse(
                                "{\"error\":{\"Error\":\"Boom\",\"Cause\":\"second failure\"}}"));
    }

    @Test
    void runsACirrusWorkflowDefinitionWithGetAttResources() throws Exception {
        Path def = resource("publish-only/definition.yml");
        Path payload = resource("publish-only/test-payload.json");
        Run run =
                cirrus(
                        "states",
                        "execute",
                        def.toString(),
                        "--input",
                        payload.toString(),
                        "--task",
                        "publish=cat");
        assertThat(run.code()).as(run.err()).isEqualTo(ExitCode.OK);
        assertThat(run.json()).isEqualTo(Json.parse(Files.readString(payload)));
    }

    @Test
    void aFailedCirrusWorkflowReportsItsFailState() throws Exception {
        Run run =
                cirrus(
                        "states",
                        "execute",
                        resource("publish-only/definition.yml").toString(),
                        "--task",
                        "publish=echo 'InvalidInput: no upload_options' >&2; exit 1");
        assertThat(run.code()).isEqualTo(ExitCode.ERROR);
        assertThat(run.json()).isEqualTo(Json.parse("{\"Error\":\"\",\"Cause\":\"\"}"));
    }

    @Test
    void definitionErrorsPointAtTheLineAndColumnOfTheField() throws Exception {
        Path def =
                file(
                        "bad.yml",
                        String.join(
                                "\n",
                                "StartAt: A",
                                "States:",
                                "  A:",
                                "    Type: Pass",
                                "    Next: Bee",
                                "  B:",
                                "    Type: Sleep",
                                "    End: true",
                                ""));
        Run run = cirrus("states", "execute", def.toString());
        assertThat(run.code()).isEqualTo(ExitCode.ERROR);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().lines())
                .containsExactly(
                        def
                                + ":7:5: error[ASL-E004] $.States.B.Type: unknown state type 'Sleep'; use Task, Pass, Choice, Wait, Succeed, Fail, Parallel or Map",
                        def
                                + ":5:5: error[ASL-E005] $.States.A.Next: no state named 'Bee' in this scope; states: [A, B]");
    }

    @Test
    void jsonDefinitionErrorsHaveLocationsToo() throws Exception {
        Path def =
                file(
                        "bad.json",
                        "{\n  'StartAt': 'A',\n  'States': {\n    'A': {'Type': 'Pass', 'InputPath': 'oops', 'End': true}\n  }\n}\n");
        Run run = cirrus("states", "execute", def.toString());
        assertThat(run.code()).isEqualTo(ExitCode.ERROR);
        assertThat(run.err())
                .startsWith(
                        def + ":4:27: error[ASL-E007] $.States.A.InputPath: invalid path 'oops'");
    }

    @Test
    void unparseableFilesSayWhere() throws Exception {
        Path yaml = file("broken.yml", "StartAt: A\nStates:\n  A: [unclosed\n");
        Run run = cirrus("states", "execute", yaml.toString());
        assertThat(run.code()).isEqualTo(ExitCode.ERROR);
        assertThat(run.err()).startsWith(yaml + ":4:1: error[CIRRUS-Y001] invalid YAML");
        Path json = file("dup.json", "{'StartAt':'A','StartAt':'B'}");
        assertThat(cirrus("states", "execute", json.toString()).err()).startsWith(json + ":1:");
        assertThat(cirrus("states", "execute", dir.resolve("missing.json").toString()).err())
                .contains("error[ASL-E016] cannot read the file");
    }

    @Test
    void badInputIsReportedBeforeRunning() throws Exception {
        Path def = file("m.json", "{'StartAt':'A','States':{'A':{'Type':'Pass','End':true}}}");
        Path input = file("in.json", "{'a': }");
        Run run = cirrus("states", "execute", def.toString(), "--input", input.toString());
        assertThat(run.code()).isEqualTo(ExitCode.ERROR);
        assertThat(run.err()).startsWith(input + ":1:7: error[ASL-E020] invalid JSON");
    }

    @Test
    void malformedOptionsAreUsageErrors() throws Exception {
        Path def = file("m.json", "{'StartAt':'A','States':{'A':{'Type':'Pass','End':true}}}");
        assertThat(cirrus("states", "execute", def.toString(), "--task", "no-equals-sign").code())
                .isEqualTo(ExitCode.USAGE);
        assertThat(cirrus("states", "execute", def.toString(), "--time-scale", "0").code())
                .isEqualTo(ExitCode.USAGE);
        assertThat(cirrus("states", "execute").code()).isEqualTo(ExitCode.USAGE);
    }

    @Test
    void historyGoesToStderrOneEventPerLine() throws Exception {
        Path def =
                file(
                        "m.json",
                        "{'StartAt':'W','States':{'W':{'Type':'Wait','Seconds':600,'End':true}}}");
        Run run =
                cirrus("states", "execute", def.toString(), "--history", "--time-scale", "0.00001");
        assertThat(run.code()).isEqualTo(ExitCode.OK);
        assertThat(
                        run.err()
                                .lines()
                                .map(
                                        l -> {
                                            try {
                                                return Json.parse(l).get("type").asText();
                                            } catch (Exception e) {
                                                throw new AssertionError(l, e);
                                            }
                                        }))
                .containsExactly(
                        "ExecutionStarted",
                        "WaitStateEntered",
                        "WaitStateExited",
                        "ExecutionSucceeded");
    }

    @Test
    void aTimedOutTaskKillsItsCommand() throws Exception {
        Path marker = dir.resolve("finished");
        Path def =
                file(
                        "m.json",
                        "{'StartAt':'T','States':{'T':{'Type':'Task','Resource':'arn:slow','TimeoutSeconds':1,'End':true}}}");
        Run run =
                cirrus(
                        "states",
                        "execute",
                        def.toString(),
                        "--time-scale",
                        "0.05",
                        "--task",
                        "arn:slow=sleep 5; touch " + marker);
        assertThat(run.json().get("Error").asText()).isEqualTo("States.Timeout");
        Thread.sleep(100);
        assertThat(marker).doesNotExist();
    }

    @Test
    void anUnboundResourceNamesItself() throws Exception {
        Path def =
                file(
                        "m.json",
                        "{'StartAt':'T','States':{'T':{'Type':'Task','Resource':'arn:aws:lambda:us-east-1:1:function:nobody','End':true}}}");
        Run run = cirrus("states", "execute", def.toString());
        assertThat(run.code()).isEqualTo(ExitCode.ERROR);
        assertThat(run.json().get("Error").asText()).isEqualTo("States.Runtime");
        assertThat(run.json().get("Cause").asText())
                .contains("arn:aws:lambda:us-east-1:1:function:nobody");
    }

    @Test
    void runsTheCirrusBatchGroupWithCommandsForEachStep() throws Exception {
        Path def =
                file(
                        "batch.yml",
                        String.join(
                                "\n",
                                "definition:",
                                "  StartAt: batch-group",
                                "  States:",
                                "    batch-group:",
                                "      Type: Parallel",
                                "      OutputPath: $[0]",
                                "      Next: publish",
                                "      Branches:",
                                "        - StartAt: pre-batch",
                                "          States:",
                                "            pre-batch:",
                                "              Type: Task",
                                "              Resource: !GetAtt pre-batch.Arn",
                                "              Next: batch-task",
                                "            batch-task:",
                                "              Type: Task",
                                "              Resource: arn:aws:states:::batch:submitJob.sync",
                                "              Parameters:",
                                "                JobName: job",
                                "                JobQueue: '#{MyQueue}'",
                                "                JobDefinition: '#{MyJob}'",
                                "                Parameters:",
                                "                  url.$: $.url",
                                "              Next: post-batch",
                                "              Catch:",
                                "                - ErrorEquals: [States.ALL]",
                                "                  ResultPath: $.error",
                                "                  Next: post-batch",
                                "            post-batch:",
                                "              Type: Task",
                                "              Resource:",
                                "                Fn::GetAtt: [post-batch, Arn]",
                                "              End: True",
                                "    publish:",
                                "      Type: Task",
                                "      Resource: !GetAtt publish.Arn",
                                "      End: True",
                                ""));
        Run run =
                cirrus(
                        "states",
                        "execute",
                        def.toString(),
                        "--task",
                        "pre-batch=echo '{\"url\": \"s3://payloads/1.json\"}'",
                        "--task",
                        "arn:aws:states:::batch:submitJob.sync=grep -q s3://payloads/1.json && echo '{\"Status\": \"SUCCEEDED\"}'",
                        "--task",
                        "post-batch=echo '{\"done\": true}'",
                        "--task",
                        "publish=cat");
        assertThat(run.code()).as(run.err()).isEqualTo(ExitCode.OK);
        assertThat(run.json()).isEqualTo(Json.parse("{\"done\":true}"));
    }
}
