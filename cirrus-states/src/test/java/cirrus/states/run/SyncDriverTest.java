package cirrus.states.run;

import static cirrus.states.Machines.json;
import static cirrus.states.Machines.machine;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import cirrus.states.json.Json;

/** Running whole executions with blocking invokers, real threads and clocks. */
class SyncDriverTest {
    private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");

    private static ExecutionInfo execution(JsonNode input, Instant start) {
        return ExecutionInfo.local("m", "e", input, start, 3);
    }

    @Test
    void tasksRunOnThreadsAndResultsKeepItemOrder() throws Exception {
        Interpreter interpreter =
                new Interpreter(
                        machine(
                                "{'StartAt':'M','States':{'M':{'Type':'Map','MaxConcurrency':4,'ItemProcessor':{'StartAt':'T','States':{'T':{'Type':'Task','Resource':'arn:square','End':true}}},'End':true}}}"));
        TaskInvoker square =
                request ->
                        TaskOutcome.succeeded(
                                Json.NODES.numberNode(
                                        request.input().intValue() * request.input().intValue()));
        ExecutionResult result =
                new SyncDriver(interpreter, square, new ManualClock(T0), 4)
                        .run(execution(json("[1,2,3,4,5,6,7,8]"), T0));
        assertThat(result.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(result.output()).isEqualTo(json("[1,4,9,16,25,36,49,64]"));
    }

    @Test
    void aManualClockJumpsOverWaitsAndRetries() throws Exception {
        Interpreter interpreter =
                new Interpreter(
                        machine(
                                "{'StartAt':'W','States':{'W':{'Type':'Wait','Seconds':3600,'Next':'T'},'T':{'Type':'Task','Resource':'arn:t','Retry':[{'ErrorEquals':['E'],'IntervalSeconds':600}],'End':true}}}"));
        AtomicInteger calls = new AtomicInteger();
        TaskInvoker flaky =
                request ->
                        calls.incrementAndGet() == 1
                                ? TaskOutcome.failed("E", "first")
                                : TaskOutcome.succeeded(json("'ok'"));
        ExecutionResult result =
                new SyncDriver(interpreter, flaky, new ManualClock(T0), 0)
                        .run(execution(Json.object(), T0));
        assertThat(result.output()).isEqualTo(json("'ok'"));
        HistoryEvent last = result.history().get(result.history().size() - 1);
        assertThat(last.type()).isEqualTo("ExecutionSucceeded");
        assertThat(last.timestamp()).isEqualTo(T0.plusSeconds(3600 + 600));
    }

    @Test
    void aScaledClockRunsWaitsFasterButRecordsTheirFullLength() throws Exception {
        Interpreter interpreter =
                new Interpreter(
                        machine(
                                "{'StartAt':'W','States':{'W':{'Type':'Wait','Seconds':20,'End':true}}}"));
        ScaledClock clock = new ScaledClock(0.001);
        Instant start = clock.now();
        ExecutionResult result =
                new SyncDriver(interpreter, request -> TaskOutcome.failed("X", ""), clock, 0)
                        .run(execution(Json.object(), start));
        assertThat(result.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        Instant end = result.history().get(result.history().size() - 1).timestamp();
        assertThat(Duration.between(start, end)).isGreaterThanOrEqualTo(Duration.ofSeconds(20));
    }

    @Test
    void aTimedOutTaskIsInterrupted() throws Exception {
        Interpreter interpreter =
                new Interpreter(
                        machine(
                                "{'StartAt':'T','States':{'T':{'Type':'Task','Resource':'arn:slow','TimeoutSeconds':5,'End':true}}}"));
        CountDownLatch interrupted = new CountDownLatch(1);
        TaskInvoker hangs =
                request -> {
                    try {
                        new CountDownLatch(1).await(1, TimeUnit.MINUTES);
                        return TaskOutcome.succeeded(json("'too late'"));
                    } catch (InterruptedException e) {
                        interrupted.countDown();
                        throw e;
                    }
                };
        ScaledClock clock = new ScaledClock(0.002);
        ExecutionResult result =
                new SyncDriver(interpreter, hangs, clock, 1)
                        .run(execution(Json.object(), clock.now()));
        assertThat(result.error().error()).isEqualTo("States.Timeout");
        assertThat(interrupted.await(10, TimeUnit.SECONDS))
                .as("the task thread was interrupted")
                .isTrue();
    }

    @Test
    void anInvokerExceptionIsATaskFailure() throws Exception {
        Interpreter interpreter =
                new Interpreter(
                        machine(
                                "{'StartAt':'T','States':{'T':{'Type':'Task','Resource':'arn:t','Catch':[{'ErrorEquals':['IllegalStateException'],'Next':'C'}],'End':true},'C':{'Type':'Pass','End':true}}}"));
        TaskInvoker broken =
                request -> {
                    throw new IllegalStateException("no such bucket");
                };
        ExecutionResult result =
                new SyncDriver(interpreter, broken, new ManualClock(T0), 0)
                        .run(execution(Json.object(), T0));
        assertThat(result.output())
                .isEqualTo(json("{'Error':'IllegalStateException','Cause':'no such bucket'}"));
    }

    @Test
    void bindingsRouteByExactResourceThenByPattern() throws Exception {
        TaskBindings bindings =
                new TaskBindings()
                        .bind(
                                "arn:aws:lambda:*",
                                request -> TaskOutcome.succeeded(json("'any lambda'")))
                        .bind(
                                "arn:aws:lambda:us-east-1:1:function:special",
                                request -> TaskOutcome.succeeded(json("'special'")));
        Interpreter interpreter =
                new Interpreter(
                        machine(
                                "{'StartAt':'P','States':{'P':{'Type':'Parallel','End':true,'Branches':["
                                        + "{'StartAt':'A','States':{'A':{'Type':'Task','Resource':'arn:aws:lambda:us-east-1:1:function:special','End':true}}},"
                                        + "{'StartAt':'B','States':{'B':{'Type':'Task','Resource':'arn:aws:lambda:us-east-1:1:function:other','End':true}}}]}}}"));
        ExecutionResult result =
                new SyncDriver(interpreter, bindings, new ManualClock(T0), 2)
                        .run(execution(Json.object(), T0));
        assertThat(result.output()).isEqualTo(json("['special','any lambda']"));
    }

    @Test
    void anUnboundResourceStopsTheExecutionWithARuntimeError() throws Exception {
        Interpreter interpreter =
                new Interpreter(
                        machine(
                                "{'StartAt':'T','States':{'T':{'Type':'Task','Resource':'arn:nobody','Catch':[{'ErrorEquals':['States.ALL'],'Next':'C'}],'End':true},'C':{'Type':'Pass','End':true}}}"));
        ExecutionResult result =
                new SyncDriver(interpreter, new TaskBindings(), new ManualClock(T0), 0)
                        .run(execution(Json.object(), T0));
        assertThat(result.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(result.error().error()).isEqualTo("States.Runtime");
        assertThat(result.error().cause()).contains("arn:nobody");
    }
}
