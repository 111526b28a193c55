package cirrus.runtime.operate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import cirrus.runtime.json.Json;

/** A history becomes one span per state, and the Lambda/Batch task runs whose logs to read. */
class TimelinesTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private static HistoryEvent event(long id, int second, String type, String details) {
        return new HistoryEvent(
                id,
                id - 1,
                T0.plusSeconds(second),
                type,
                details == null ? null : Json.parse(details));
    }

    private static final List<HistoryEvent> HISTORY =
            List.of(
                    event(1, 0, "ExecutionStarted", "{\"input\": \"{}\"}"),
                    event(2, 0, "TaskStateEntered", "{\"name\": \"convert\"}"),
                    event(
                            3,
                            1,
                            "TaskScheduled",
                            "{\"resourceType\": \"lambda\", \"resource\": \"invoke\", \"parameters\":"
                                    + " \"{\\\"FunctionName\\\": \\\"arn:aws:lambda:us-east-1:1:function:stack-convert:$LATEST\\\"}\"}"),
                    event(
                            4,
                            3,
                            "TaskFailed",
                            "{\"error\": \"Lambda.Unknown\", \"cause\": \"oom\"}"),
                    event(5, 3, "TaskStateExited", "{\"name\": \"convert\"}"),
                    event(6, 4, "TaskStateEntered", "{\"name\": \"batch\"}"),
                    event(
                            7,
                            4,
                            "TaskScheduled",
                            "{\"resourceType\": \"batch\", \"resource\": \"submitJob.sync\"}"),
                    event(
                            8,
                            5,
                            "TaskSubmitted",
                            "{\"output\": \"{\\\"JobId\\\": \\\"job-1\\\"}\"}"),
                    event(
                            9,
                            9,
                            "TaskFailed",
                            "{\"error\": \"States.TaskFailed\", \"cause\": \"exit 1\"}"),
                    event(
                            10,
                            9,
                            "ExecutionFailed",
                            "{\"error\": \"States.TaskFailed\", \"cause\": \"exit 1\"}"));

    @Test
    void aCaughtFailureAndAFailedLastStateAreSpans() {
        List<StateSpan> spans = Timelines.of(HISTORY);
        assertThat(spans).extracting(StateSpan::name).containsExactly("convert", "batch");
        assertThat(spans.get(0).status()).isEqualTo(StateSpan.Status.CAUGHT);
        assertThat(spans.get(0).error()).hasValue("Lambda.Unknown");
        assertThat(spans.get(0).duration(T0).getSeconds()).isEqualTo(3);
        assertThat(spans.get(1).status()).isEqualTo(StateSpan.Status.FAILED);
        assertThat(spans.get(1).cause()).hasValue("exit 1");
        assertThat(spans.get(1).exited()).hasValue(T0.plusSeconds(9));
    }

    @Test
    void tasksNameTheirFunctionOrJobAndTheirTimeWindow() {
        List<TaskRun> runs = TaskRun.of(HISTORY, T0.plusSeconds(100));
        assertThat(runs).hasSize(2);
        assertThat(runs.get(0).state()).isEqualTo("convert");
        assertThat(runs.get(0).function()).hasValue("stack-convert");
        assertThat(runs.get(0).from()).isEqualTo(T0);
        assertThat(runs.get(0).to()).isEqualTo(T0.plusSeconds(8));
        assertThat(runs.get(1).jobId()).hasValue("job-1");
        assertThat(runs.get(1).function()).isEqualTo(Optional.empty());
    }
}
