package cirrus.runtime.payload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PayloadIdTest {
    @Test
    void parsesCollectionsWorkflowAndItems() {
        PayloadId id =
                PayloadId.parse("sentinel-s2-l2a/workflow-cog-archive/S2B_17HQD_20201103_0_L2A");
        assertThat(id.collections()).isEqualTo("sentinel-s2-l2a");
        assertThat(id.workflow()).isEqualTo("cog-archive");
        assertThat(id.itemIds()).isEqualTo("S2B_17HQD_20201103_0_L2A");
        assertThat(id.collectionsWorkflow()).isEqualTo("sentinel-s2-l2a_cog-archive");
        assertThat(id.toString())
                .isEqualTo("sentinel-s2-l2a/workflow-cog-archive/S2B_17HQD_20201103_0_L2A");
    }

    @Test
    void itemIdsMayContainSlashesAndBeEmpty() {
        assertThat(PayloadId.parse("a/b/workflow-wf/i1/i2").itemIds()).isEqualTo("i1/i2");
        assertThat(PayloadId.parse("a/b/workflow-wf/i1/i2").collections()).isEqualTo("a/b");
        assertThat(PayloadId.parse("col/workflow-wf").itemIds()).isEmpty();
        assertThat(PayloadId.parse("col/workflow-wf").toString()).isEqualTo("col/workflow-wf");
    }

    @Test
    void theStateKeyRoundTripsThroughTheLastUnderscore() {
        PayloadId id = PayloadId.parse("landsat_c2/l2_sr/workflow-cog-archive/LC08_X");
        assertThat(id.collectionsWorkflow()).isEqualTo("landsat_c2/l2_sr_cog-archive");
        assertThat(PayloadId.fromKey(id.collectionsWorkflow(), id.itemIds())).isEqualTo(id);
    }

    @Test
    void rejectsIdsWithoutWorkflowMarker() {
        assertThatThrownBy(() -> PayloadId.parse("some-collection/some-workflow/an-item-id"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Invalid payload id: some-collection/some-workflow/an-item-id");
    }

    @Test
    void rejectsWorkflowNamesThatBreakTheStateKey() {
        assertThatThrownBy(() -> PayloadId.parse("col/workflow-my_flow/x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("my_flow");
        assertThatThrownBy(() -> PayloadId.fromKey("nounderscore", ""))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
