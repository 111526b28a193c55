package cirrus.states.run;

import static cirrus.states.Machines.json;
import static cirrus.states.Machines.machine;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cirrus.states.json.Json;
import cirrus.states.model.StateMachine;

/** The interpreter's public contract: snapshot + event → snapshot + commands + history. */
class InterpreterTest {
    private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");
    private static final String TASK = "arn:aws:lambda:us-east-1:1:function:f";

    private static ExecutionInfo execution(JsonNode input) {
        return ExecutionInfo.local("m", "e1", input, T0, 1);
    }

    private static <T extends Command> List<T> commands(Step step, Class<T> type) {
        return step.commands().stream().filter(type::isInstance).map(type::cast).toList();
    }

    private static String onlyToken(Step step) {
        List<Command.InvokeTask> invokes = commands(step, Command.InvokeTask.class);
        assertThat(invokes).hasSize(1);
        return invokes.get(0).request().token();
    }

    @Test
    void aTaskStateAsksForAnInvocationAndWaits() {
        Interpreter interpreter =
                new Interpreter(
                        machine(
                                "{'StartAt':'T','States':{'T':{'Type':'Task','Resource':'"
                                        + TASK
                                        + "','Parameters':{'x.$':'$.a'},'End':true}}}"));
        Step step = interpreter.start(execution(json("{'a':1}")), T0);
        assertThat(step.snapshot().status()).isEqualTo(ExecutionStatus.RUNNING);
        TaskRequest request = commands(step, Command.InvokeTask.class).get(0).request();
        assertThat(request.resource()).isEqualTo(TASK);
        assertThat(request.input()).isEqualTo(json("{'x':1}"));
        assertThat(request.stateName()).isEqualTo("T");

        Step done =
                interpreter.apply(
                        step.snapshot(),
                        new Event.TaskSucceeded(request.token(), json("{'ok':true}")),
                        T0.plusSeconds(5));
        assertThat(done.snapshot().status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(done.snapshot().output()).isEqualTo(json("{'ok':true}"));
        assertThat(done.snapshot().stopTime()).isEqualTo(T0.plusSeconds(5));
    }

    @Test
    void aResultArrivingAfterTheTimeoutIsIgnored() {
        Interpreter interpreter =
                new Interpreter(
                        machine(
                                "{'StartAt':'T','States':{'T':{'Type':'Task','Resource':'"
                                        + TASK
                                        + "','TimeoutSeconds':10,'Catch':[{'ErrorEquals':['States.Timeout'],'Next':'W'}],'End':true},'W':{'Type':'Wait','Seconds':100,'End':true}}}"));
        Step started = interpreter.start(execution(Json.object()), T0);
        String token = onlyToken(started);
        String timer = commands(started, Command.StartTimer.class).get(0).timerId();

        Step timedOut =
                interpreter.apply(
                        started.snapshot(), new Event.TimerFired(timer), T0.plusSeconds(10));
        assertThat(commands(timedOut, Command.CancelTask.class))
                .extracting(Command.CancelTask::token)
                .containsExactly(token);
        assertThat(timedOut.snapshot().root().state()).isEqualTo("W");

        Step late =
                interpreter.apply(
                        timedOut.snapshot(),
                        new Event.TaskSucceeded(token, json("1")),
                        T0.plusSeconds(11));
        assertThat(late.snapshot()).isSameAs(timedOut.snapshot());
        assertThat(late.commands()).isEmpty();
        assertThat(late.history()).isEmpty();
    }

    @Test
    void heartbeatsKeepATaskAlive() {
        Interpreter interpreter =
                new Interpreter(
                        machine(
                                "{'StartAt':'T','States':{'T':{'Type':'Task','Resource':'"
                                        + TASK
                                        + "','HeartbeatSeconds':5,'End':true}}}"));
        Step step = interpreter.start(execution(Json.object()), T0);
        String token = onlyToken(step);
        String firstTimer = commands(step, Command.StartTimer.class).get(0).timerId();

        Step beat =
                interpreter.apply(
                        step.snapshot(), new Event.TaskHeartbeat(token), T0.plusSeconds(4));
        assertThat(commands(beat, Command.CancelTimer.class))
                .extracting(Command.CancelTimer::timerId)
                .containsExactly(firstTimer);
        Command.StartTimer rearmed = commands(beat, Command.StartTimer.class).get(0);
        assertThat(rearmed.due()).isEqualTo(T0.plusSeconds(9));

        Step stale =
                interpreter.apply(
                        beat.snapshot(), new Event.TimerFired(firstTimer), T0.plusSeconds(5));
        assertThat(stale.snapshot()).isSameAs(beat.snapshot());

        Step done =
                interpreter.apply(
                        beat.snapshot(),
                        new Event.TaskSucceeded(token, json("'ok'")),
                        T0.plusSeconds(8));
        assertThat(done.snapshot().status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    }

    @Test
    void stopExecutionAbortsAndCancelsEveryRunningTask() {
        Interpreter interpreter =
                new Interpreter(
                        machine(
                                "{'StartAt':'P','States':{'P':{'Type':'Parallel','End':true,'Branches':["
                                        + "{'StartAt':'A','States':{'A':{'Type':'Task','Resource':'arn:a','End':true}}},"
                                        + "{'StartAt':'B','States':{'B':{'Type':'Task','Resource':'arn:b','End':true}}}]}}}"));
        Step step = interpreter.start(execution(Json.object()), T0);
        List<String> tokens =
                commands(step, Command.InvokeTask.class).stream()
                        .map(i -> i.request().token())
                        .toList();
        assertThat(tokens).hasSize(2);

        Step aborted =
                interpreter.apply(
                        step.snapshot(),
                        new Event.StopExecution("Stopped", "by a user"),
                        T0.plusSeconds(1));
        assertThat(aborted.snapshot().status()).isEqualTo(ExecutionStatus.ABORTED);
        assertThat(aborted.snapshot().error().cause()).isEqualTo("by a user");
        assertThat(commands(aborted, Command.CancelTask.class))
                .extracting(Command.CancelTask::token)
                .containsExactlyInAnyOrderElementsOf(tokens);
        assertThat(aborted.history())
                .extracting(HistoryEvent::type)
                .containsExactly("ExecutionAborted");
    }

    @Test
    void anEndedExecutionIgnoresEvents() {
        Interpreter interpreter =
                new Interpreter(
                        machine("{'StartAt':'A','States':{'A':{'Type':'Pass','End':true}}}"));
        Snapshot done = interpreter.start(execution(Json.object()), T0).snapshot();
        assertThat(done.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        Step again = interpreter.apply(done, new Event.StopExecution("x", "y"), T0);
        assertThat(again.snapshot()).isSameAs(done);
        assertThat(again.history()).isEmpty();
    }

    @Test
    void unknownTokensAndTimersAreIgnored() {
        Interpreter interpreter =
                new Interpreter(
                        machine(
                                "{'StartAt':'W','States':{'W':{'Type':'Wait','Seconds':5,'End':true}}}"));
        Snapshot waiting = interpreter.start(execution(Json.object()), T0).snapshot();
        for (Event event :
                List.of(
                        new Event.TimerFired("w99@"),
                        new Event.TimerFired("nonsense"),
                        new Event.TaskSucceeded("t1@3.4", json("1")),
                        new Event.TaskFailed("t1@", "E", "c"))) {
            assertThat(interpreter.apply(waiting, event, T0).snapshot()).isSameAs(waiting);
        }
    }

    @Test
    void aPersistedSnapshotResumesInANewInterpreter() throws Exception {
        String definition =
                "{'StartAt':'M','States':{'M':{'Type':'Map','MaxConcurrency':2,'ItemProcessor':{'StartAt':'T','States':{'T':{'Type':'Task','Resource':'"
                        + TASK
                        + "','Retry':[{'ErrorEquals':['E'],'IntervalSeconds':3}],'End':true}}},'End':true}}}";
        Interpreter first = new Interpreter(machine(definition));
        Step step = first.start(execution(json("[10,20,30]")), T0);
        List<TaskRequest> requests =
                commands(step, Command.InvokeTask.class).stream()
                        .map(Command.InvokeTask::request)
                        .toList();
        assertThat(requests).extracting(r -> r.input().intValue()).containsExactly(10, 20);
        step =
                first.apply(
                        step.snapshot(),
                        new Event.TaskFailed(requests.get(0).token(), "E", "flaky"),
                        T0.plusSeconds(1));

        String stored = Json.write(SnapshotCodec.toJson(step.snapshot()));
        Snapshot restored = SnapshotCodec.fromJson(Json.parse(stored));
        assertThat(restored).isEqualTo(step.snapshot());

        Interpreter second = new Interpreter(machine(definition));
        String retryTimer = commands(step, Command.StartTimer.class).get(0).timerId();
        Step retried = second.apply(restored, new Event.TimerFired(retryTimer), T0.plusSeconds(4));
        String retryToken = onlyToken(retried);
        Step firstDone =
                second.apply(
                        retried.snapshot(),
                        new Event.TaskSucceeded(retryToken, json("1")),
                        T0.plusSeconds(5));
        String thirdToken = onlyToken(firstDone);
        Snapshot s =
                second.apply(
                                firstDone.snapshot(),
                                new Event.TaskSucceeded(requests.get(1).token(), json("2")),
                                T0.plusSeconds(6))
                        .snapshot();
        s =
                second.apply(s, new Event.TaskSucceeded(thirdToken, json("3")), T0.plusSeconds(7))
                        .snapshot();
        assertThat(s.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(s.output()).isEqualTo(json("[1,2,3]"));
    }

    @Test
    void historyEventsHaveTheShapeOfGetExecutionHistory() {
        Interpreter interpreter =
                new Interpreter(
                        machine(
                                "{'StartAt':'T','States':{'T':{'Type':'Task','Resource':'arn:aws:states:::batch:submitJob.sync','Parameters':{'JobName':'j'},'TimeoutSeconds':60,'End':true}}}"));
        Step step = interpreter.start(execution(json("{'a':1}")), T0);
        List<HistoryEvent> history = step.history();
        assertThat(history)
                .extracting(HistoryEvent::type)
                .containsExactly(
                        "ExecutionStarted", "TaskStateEntered", "TaskScheduled", "TaskStarted");

        ObjectNode entered = history.get(1).toJson();
        assertThat(entered.get("id").asLong()).isEqualTo(2);
        assertThat(entered.get("previousEventId").asLong()).isEqualTo(1);
        assertThat(entered.get("timestamp").asText()).isEqualTo("2024-01-01T00:00:00Z");
        assertThat(entered.at("/stateEnteredEventDetails/name").asText()).isEqualTo("T");
        assertThat(entered.at("/stateEnteredEventDetails/input").asText()).isEqualTo("{\"a\":1}");
        assertThat(entered.at("/stateEnteredEventDetails/inputDetails/truncated").asBoolean(true))
                .isFalse();

        JsonNode scheduled = history.get(2).toJson().get("taskScheduledEventDetails");
        assertThat(scheduled.get("resourceType").asText()).isEqualTo("batch");
        assertThat(scheduled.get("resource").asText()).isEqualTo("submitJob.sync");
        assertThat(scheduled.get("region").asText()).isEqualTo("local");
        assertThat(scheduled.get("parameters").asText()).isEqualTo("{\"JobName\":\"j\"}");
        assertThat(scheduled.get("timeoutInSeconds").asInt()).isEqualTo(60);
        assertThat(history.get(3).previousEventId()).isEqualTo(3);
    }

    @Test
    void retryWaitsOnATimerWithTheBackoffInterval() {
        StateMachine m =
                machine(
                        "{'StartAt':'T','States':{'T':{'Type':'Task','Resource':'"
                                + TASK
                                + "','Retry':[{'ErrorEquals':['States.ALL'],'IntervalSeconds':10,'BackoffRate':3,'MaxAttempts':2}],'End':true}}}");
        Interpreter interpreter = new Interpreter(m);
        Step step = interpreter.start(execution(Json.object()), T0);
        step =
                interpreter.apply(
                        step.snapshot(), new Event.TaskFailed(onlyToken(step), "Oops", ""), T0);
        Command.StartTimer first = commands(step, Command.StartTimer.class).get(0);
        assertThat(first.due()).isEqualTo(T0.plusSeconds(10));
        step =
                interpreter.apply(
                        step.snapshot(), new Event.TimerFired(first.timerId()), first.due());
        step =
                interpreter.apply(
                        step.snapshot(),
                        new Event.TaskFailed(onlyToken(step), "Oops", ""),
                        first.due());
        assertThat(commands(step, Command.StartTimer.class).get(0).due())
                .isEqualTo(first.due().plusSeconds(30));
    }
}
