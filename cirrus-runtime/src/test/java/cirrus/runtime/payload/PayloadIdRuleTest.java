package cirrus.runtime.payload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One id rule for {@code payload validate}, {@code payload submit}, {@code POST /payloads} and
 * {@code process}: all of them go through {@link ProcessPayload#of}, which applies {@link
 * PayloadIdRule}.
 */
class PayloadIdRuleTest {
    private static ObjectNode payload(String itemId) {
        ObjectNode p = JsonNodeFactory.instance.objectNode();
        p.put("type", "FeatureCollection");
        ObjectNode f = p.putArray("features").addObject();
        f.put("type", "Feature").put("id", itemId).put("collection", "col");
        ObjectNode process = p.putObject("process");
        process.put("workflow", "wf");
        process.putObject("upload_options").put("path_template", "${collection}/${id}");
        process.putObject("tasks");
        return p;
    }

    @ParameterizedTest
    @ValueSource(strings = {"..", ".", "a/../b", "nul\u0000", "tab\there", "del\u007f"})
    void idsThatNoUrlOrListingAddressesFaithfullyAreInvalid(String itemId) {
        assertThatThrownBy(() -> ProcessPayload.of(payload(itemId), true))
                .isInstanceOfSatisfying(
                        InvalidPayloadException.class,
                        e -> {
                            assertThat(e.code()).isEqualTo(InvalidPayloadException.Code.INVALID_ID);
                            assertThat(e.field()).isEqualTo("id");
                            assertThat(e.unusableId())
                                    .hasValueSatisfying(
                                            id -> assertThat(id.itemIds()).isEqualTo(itemId));
                        });
    }

    @Test
    void anIdWhoseInputKeyExceedsTheS3KeyLimitIsInvalid() {
        String fits = "x".repeat(1024 - "col/workflow-wf/".length() - "/input.json".length());
        assertThat(ProcessPayload.of(payload(fits), true).id()).endsWith(fits);
        assertThatThrownBy(() -> ProcessPayload.of(payload(fits + "x"), true))
                .hasMessageContaining("1025 UTF-8 bytes");
    }

    @Test
    void anUnpairedSurrogateIsInvalid() {
        assertThatThrownBy(() -> ProcessPayload.of(payload("a\ud800b"), true))
                .hasMessageContaining("unpaired surrogate");
        assertThat(ProcessPayload.of(payload("a\ud83d\ude00b"), true).id())
                .endsWith("a\ud83d\ude00b");
    }

    @ParameterizedTest
    @ValueSource(strings = {"back\\slash", "per%cent", "a//b", "x/"})
    void keysS3AcceptsAreValidIds(String itemId) {
        assertThat(ProcessPayload.of(payload(itemId), true).payloadId().itemIds())
                .isEqualTo(itemId);
        assertThat(ProcessPayload.of(payload("y".repeat(300)), true).id()).hasSize(316);
    }
}
