package cirrus.runtime.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import com.fasterxml.jackson.databind.JsonNode;

import cirrus.runtime.Fixtures;
import cirrus.runtime.json.Json;

/** Port of upstream {@code test_utils.py::test_extract_event_records} over its 8 fixtures. */
class EventRecordsTest {
    private static final List<String> FIXTURES =
            List.of(
                    "plain",
                    "plain-batch-url",
                    "sns-single",
                    "sns-multiple",
                    "sqs-single",
                    "sqs-multiple",
                    "sns-sqs-single",
                    "sns-sqs-multiple");

    @TestFactory
    Stream<DynamicTest> everyUpstreamEventFixtureGivesItsExpectedRecords() {
        return FIXTURES.stream()
                .map(
                        name ->
                                DynamicTest.dynamicTest(
                                        name,
                                        () -> {
                                            JsonNode event =
                                                    Fixtures.json(
                                                            "upstream/events/" + name + ".json");
                                            JsonNode expected =
                                                    Fixtures.json(
                                                            "upstream/events/"
                                                                    + name
                                                                    + ".json.expected");
                                            JsonNode actual =
                                                    Json.MAPPER.valueToTree(
                                                            EventRecords.payloads(event));
                                            assertThat(actual).isEqualTo(expected);
                                        }));
    }

    @Test
    void aBodyThatIsNotJsonIsARecordExtractError() {
        JsonNode event = Json.parse("{\"Records\": [{\"body\": \"{not json\"}]}");
        assertThatThrownBy(() -> EventRecords.payloads(event))
                .isInstanceOf(RecordExtractException.class)
                .hasMessageStartingWith("record body is not JSON");
    }

    @Test
    void anExplicitUrlWinsOverBatchParameters() {
        JsonNode event =
                Json.parse(
                        "{\"url\": \"s3://a/b.json\", \"Parameters\": {\"url_out\": \"s3://a/c.json\"}}");
        assertThat(EventRecords.extract(event).get("url").asText()).isEqualTo("s3://a/b.json");
    }
}
