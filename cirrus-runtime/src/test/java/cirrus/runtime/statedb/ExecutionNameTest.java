package cirrus.runtime.statedb;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import cirrus.runtime.payload.PayloadId;

class ExecutionNameTest {
    @Test
    void matchesTheCirrusV1TestVector() {
        PayloadId id =
                PayloadId.parse(
                        "sentinel-2-c1-l2a/workflow-cog-archive/S2B_T16TDN_20230101T165211_L2A");
        assertThat(ExecutionName.of(id, List.of()))
                .isEqualTo("8e8ec8a4-e9c9-5d71-bbce-e4ae477eea41");
    }

    @Test
    void matchesPythonUuid5ForASimpleName() {
        // python3 -c 'import uuid; print(uuid.uuid5(uuid.NAMESPACE_URL, "a/[]"))'
        assertThat(ExecutionName.uuid5(ExecutionName.NAMESPACE_URL, "a/[]").toString())
                .isEqualTo("e9f03ec2-5186-5863-9083-8f0dbb555e07");
    }

    @Test
    void previousExecutionsChangeTheName() {
        PayloadId id = PayloadId.parse("col/workflow-wf/item");
        String first = ExecutionName.of(id, List.of());
        String second = ExecutionName.of(id, List.of("https://x/1"));
        assertThat(second).isNotEqualTo(first);
        assertThat(ExecutionName.of(id, List.of("https://x/1"))).isEqualTo(second);
    }

    @Test
    void pythonReprOfStringListsMatchesCpython() {
        assertThat(PythonRepr.ofStrings(List.of())).isEqualTo("[]");
        assertThat(PythonRepr.ofStrings(List.of("a", "b"))).isEqualTo("['a', 'b']");
        assertThat(PythonRepr.ofStrings(List.of("it's"))).isEqualTo("[\"it's\"]");
        assertThat(PythonRepr.ofStrings(List.of("both'\""))).isEqualTo("['both\\'\"']");
        assertThat(PythonRepr.ofStrings(List.of("back\\slash\n")))
                .isEqualTo("['back\\\\slash\\n']");
        assertThat(PythonRepr.ofStrings(List.of("é"))).isEqualTo("['é']");
    }
}
