package cirrus.runtime.payload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import cirrus.runtime.Fixtures;
import cirrus.runtime.json.Json;

class PathTemplateTest {
    private static final JsonNode ITEM = Fixtures.testPayload().at("/features/0");

    @Test
    void rendersTheUpstreamCogArchiveTemplate() {
        String template =
                ProcessPayload.of(Fixtures.testPayload(), false)
                        .uploadOptions()
                        .pathTemplate()
                        .orElseThrow()
                        .render(ITEM);
        assertThat(template)
                .isEqualTo(
                        "s3://sentinel-cogs/sentinel-s2-l2a/17/H/QD/2020/11/S2B_17HQD_20201103_0_L2A");
    }

    @Test
    void datePartsAreNotZeroPadded() {
        JsonNode item =
                Json.parse(
                        "{\"id\": \"i\", \"collection\": \"test-collection\", \"properties\":"
                                + " {\"datetime\": \"2020-07-03T10:00:00.123Z\"}}");
        assertThat(PathTemplate.parse("${collection}/${year}/${month}/${day}/${id}/").render(item))
                .isEqualTo("test-collection/2020/7/3/i");
        assertThat(PathTemplate.parse("/${date}/${id}").render(item)).isEqualTo("/2020-07-03/i");
    }

    @Test
    void aMissingPropertyNamesTheVariableAndTheItem() {
        assertThatThrownBy(() -> PathTemplate.parse("${collection}/${nope:x}").render(ITEM))
                .isInstanceOf(InvalidPayloadException.class)
                .hasMessage(
                        "process.upload_options.path_template: ${nope:x}: item has no property"
                                + " 'nope:x' (item S2B_17HQD_20201103_0_L2A)");
    }

    @Test
    void malformedTemplatesAreRejected() {
        assertThatThrownBy(() -> PathTemplate.parse("${collection}/${id"))
                .hasMessageContaining("unterminated");
        assertThatThrownBy(() -> PathTemplate.parse("${}/x")).hasMessageContaining("empty");
    }
}
