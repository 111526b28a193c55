package cirrus.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

import cirrus.plan.capacity.Capacity;
import cirrus.plan.capacity.CapacityText;
import cirrus.plan.capacity.QueueCapacity;
import cirrus.plan.template.TemplateLoader;

class CapacityTest {
    @Test
    void reprojectRunsSixtyTwoJobsOfThirtyTwoVcpusOnTwoThousand() {
        var t = TemplateLoader.load(Goldens.resource("bluegreen").resolve("reproject.yml"));
        List<QueueCapacity> queues = Capacity.of(t, OptionalLong.of(100));
        assertThat(queues).hasSize(1);
        QueueCapacity q = queues.get(0);
        assertThat(q.queue()).isEqualTo("ReprojectJobQueue500GB");
        assertThat(q.maxvCpus()).hasValue(2000);
        assertThat(q.jobs().get(0).maxConcurrent()).hasValue(62);
        assertThat(q.jobs().get(0).neededForRequest()).hasValue(3200);
        Goldens.assertGolden(
                "capacity", "reproject.txt", CapacityText.of(queues, OptionalLong.of(100)));
    }

    @Test
    void pairsAreFoundInsideADefinitionString() {
        var t =
                TemplateLoader.load(
                        Goldens.resource("plan").resolve("row19-jq-add-ce").resolve("after.yml"));
        List<QueueCapacity> queues = Capacity.of(t, OptionalLong.empty());
        assertThat(queues).hasSize(1);
        assertThat(queues.get(0).maxvCpus()).hasValue(512);
        assertThat(queues.get(0).jobs().get(0).maxConcurrent()).hasValue(128);
        assertThat(CapacityText.of(queues, OptionalLong.empty()))
                .contains("WorkerJob: 4 vCPUs -> at most 128 concurrent jobs");
    }
}
