package cirrus.bench.states;

import java.time.Instant;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cirrus.states.json.Json;
import cirrus.states.model.StateMachineReader;
import cirrus.states.run.ExecutionInfo;
import cirrus.states.run.ExecutionResult;
import cirrus.states.run.ExecutionStatus;
import cirrus.states.run.Interpreter;
import cirrus.states.run.ManualClock;
import cirrus.states.run.Snapshot;
import cirrus.states.run.SyncDriver;
import cirrus.states.run.TaskOutcome;

/**
 * State transitions per second of the ASL interpreter (one transition = one state entered). The
 * score is transitions/s because each benchmark declares how many transitions one invocation makes.
 * History events are produced as always; nothing is written anywhere.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class InterpreterBenchmark {
    /** A chain of alternating Pass and Choice states. */
    static final int CHAIN = 1000;

    /** Items of the Map benchmarks; each iteration enters one state, plus the Map itself. */
    static final int ITEMS = 1000;

    private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");

    private Interpreter chain;
    private Interpreter passMap;
    private Interpreter taskMap;
    private JsonNode items;

    @Setup
    public void setup() throws Exception {
        chain = new Interpreter(StateMachineReader.read(chainDefinition()));
        passMap =
                new Interpreter(
                        StateMachineReader.read(
                                Json.parse(
                                        "{\"StartAt\":\"M\",\"States\":{\"M\":{\"Type\":\"Map\",\"ItemSelector\":{\"i.$\":\"$$.Map.Item.Index\",\"v.$\":\"$$.Map.Item.Value\"},"
                                                + "\"ItemProcessor\":{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"ResultPath\":\"$.seen\",\"Result\":true,\"End\":true}}},\"End\":true}}}")));
        taskMap =
                new Interpreter(
                        StateMachineReader.read(
                                Json.parse(
                                        "{\"StartAt\":\"M\",\"States\":{\"M\":{\"Type\":\"Map\",\"MaxConcurrency\":100,"
                                                + "\"ItemProcessor\":{\"StartAt\":\"T\",\"States\":{\"T\":{\"Type\":\"Task\",\"Resource\":\"arn:aws:lambda:us-east-1:1:function:f\",\"End\":true}}},\"End\":true}}}")));
        ArrayNode array = Json.NODES.arrayNode();
        for (int i = 0; i < ITEMS; i++) {
            array.addObject().put("id", "item-" + i).put("cloud", i % 100);
        }
        items = array;
    }

    /** Pass → Choice → Pass → ... with ResultPath and a NumericEquals rule at every step. */
    static JsonNode chainDefinition() {
        ObjectNode root = Json.object();
        root.put("StartAt", "S0");
        ObjectNode states = root.putObject("States");
        for (int i = 0; i < CHAIN; i++) {
            ObjectNode state = states.putObject("S" + i);
            String next = i + 1 < CHAIN ? "S" + (i + 1) : null;
            if (i % 2 == 0) {
                state.put("Type", "Pass").put("Result", i).put("ResultPath", "$.last");
                if (next == null) {
                    state.put("End", true);
                } else {
                    state.put("Next", next);
                }
            } else {
                state.put("Type", "Choice").put("Default", "Fail");
                ObjectNode rule = state.putArray("Choices").addObject();
                rule.put("Variable", "$.last")
                        .put("NumericEquals", i - 1)
                        .put("Next", next == null ? "Done" : next);
            }
        }
        states.putObject("Fail").put("Type", "Fail").put("Error", "Unexpected");
        states.putObject("Done").put("Type", "Succeed");
        return root;
    }

    @Benchmark
    @OperationsPerInvocation(CHAIN)
    public Snapshot passChoiceChain() {
        Snapshot done =
                chain.start(ExecutionInfo.local("chain", "e", Json.object(), T0, 1), T0).snapshot();
        return check(done);
    }

    @Benchmark
    @OperationsPerInvocation(ITEMS + 1)
    public Snapshot map1000Pass() {
        return check(passMap.start(ExecutionInfo.local("map", "e", items, T0, 1), T0).snapshot());
    }

    /** Every iteration waits for a task: 1,000 invoke/complete round trips through snapshots. */
    @Benchmark
    @OperationsPerInvocation(ITEMS + 1)
    public Snapshot map1000Tasks() throws InterruptedException {
        SyncDriver driver =
                new SyncDriver(
                        taskMap,
                        request -> TaskOutcome.succeeded(request.input()),
                        new ManualClock(T0),
                        0);
        ExecutionResult result = driver.run(ExecutionInfo.local("tasks", "e", items, T0, 1));
        return check(result.snapshot());
    }

    private static Snapshot check(Snapshot snapshot) {
        if (snapshot.status() != ExecutionStatus.SUCCEEDED) {
            throw new IllegalStateException("the benchmark machine failed: " + snapshot.error());
        }
        return snapshot;
    }
}
