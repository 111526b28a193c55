package cirrus.runtime.statedb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import cirrus.runtime.json.Json;
import cirrus.runtime.payload.PayloadId;
import cirrus.runtime.port.StateRecord;
import cirrus.runtime.port.WorkflowState;

/** Ports of upstream {@code test_statedb.py}: since_to_timedelta, dbitem_to_item, timestamps. */
class SinceAndItemsTest {
    @Test
    void sinceAcceptsDaysHoursMinutes() {
        assertThat(Since.parse("1d")).isEqualTo(Duration.ofDays(1));
        assertThat(Since.parse("12h")).isEqualTo(Duration.ofHours(12));
        assertThat(Since.parse("30m")).isEqualTo(Duration.ofMinutes(30));
        assertThatThrownBy(() -> Since.parse("2w")).hasMessageContaining("unit d, h or m");
        assertThatThrownBy(() -> Since.parse("d")).isInstanceOf(IllegalArgumentException.class);
        assertThat(Since.parse("36525d")).isEqualTo(Duration.ofDays(36_525));
        assertThatThrownBy(() -> Since.parse("9999999999999d"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at most 36525d");
        assertThatThrownBy(() -> Since.parse("99999999999999999999m"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at most 36525d");
    }

    @Test
    void timestampsSortAsTextAndParsePythonForms() {
        Instant t = Instant.parse("2024-01-02T03:04:05Z");
        assertThat(IsoTime.format(t)).isEqualTo("2024-01-02T03:04:05.000000+00:00");
        assertThat(IsoTime.parse("2024-01-02T03:04:05+00:00")).isEqualTo(t);
        assertThat(IsoTime.parse("2024-01-02T03:04:05.000000+00:00")).isEqualTo(t);
        assertThat(IsoTime.parse("2024-01-02T03:04:05Z")).isEqualTo(t);
    }

    @Test
    void anItemHasTheCirrusApiForm() {
        Instant t = Instant.parse("2024-01-02T03:04:05Z");
        StateRecord record =
                new StateRecord(
                        PayloadId.parse("col1/col2/workflow-wf/a/b"),
                        WorkflowState.FAILED,
                        t,
                        t,
                        t,
                        List.of("arn:e1"),
                        List.of(),
                        Optional.of("boom"),
                        Optional.empty());
        ObjectNode item = new StateItems("payloads", new ConsoleUrls("us-west-2")).toItem(record);
        assertThat(item)
                .isEqualTo(
                        Json.parse(
                                "{\"payload_id\": \"col1/col2/workflow-wf/a/b\", \"collections\": \"col1/col2\","
                                        + " \"workflow\": \"wf\", \"items\": \"a/b\", \"state\": \"FAILED\","
                                        + " \"created\": \"2024-01-02T03:04:05.000000+00:00\", \"updated\": \"2024-01-02T03:04:05.000000+00:00\","
                                        + " \"payload\": \"s3://payloads/col1/col2/workflow-wf/a/b/input.json\","
                                        + " \"executions\": [\"https://us-west-2.console.aws.amazon.com/states/home?region=us-west-2#/v2/executions/details/arn:e1\"],"
                                        + " \"last_error\": \"boom\"}"));
    }
}
