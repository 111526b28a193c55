package cirrus.runtime.operate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cirrus.runtime.json.Json;
import cirrus.runtime.payload.PayloadId;
import cirrus.runtime.port.MutableClock;
import cirrus.runtime.port.StateRecord;
import cirrus.runtime.port.StateStore;
import cirrus.runtime.port.WorkflowState;

/**
 * The contract of {@link PipelineOperations}: every backend (local engine stores, a deployed stack
 * on moto) answers the same questions the same way.
 */
public abstract class PipelineOperationsSpec {
    protected MutableClock clock;
    protected OperationsFixture fixture;
    protected StateStore states;
    protected PipelineOperations ops;

    protected abstract OperationsFixture.Factory backend();

    @BeforeEach
    void open() throws Exception {
        clock = MutableClock.fixed();
        fixture = backend().open(clock);
        states = fixture.states();
        ops = fixture.operations();
    }

    @AfterEach
    void close() throws Exception {
        fixture.close();
    }

    private static PayloadId id(String collections, String workflow, String item) {
        return new PayloadId(collections, workflow, item);
    }

    /** Three workflows: cog (2 COMPLETED, 2 FAILED, 1 INVALID), stac (1 PROCESSING), publish. */
    private void seed() {
        String arn = fixture.executionArn("cog", "never-ran");
        states.setProcessing(id("sentinel-2", "cog", "a"), arn);
        states.setCompleted(id("sentinel-2", "cog", "a"));
        clock.advance(Duration.ofHours(2));
        states.setCompleted(id("sentinel-2", "cog", "b"));
        clock.advance(Duration.ofHours(2));
        states.setFailed(id("sentinel-2", "cog", "c"), "Timeout: took too long");
        clock.advance(Duration.ofHours(2));
        states.setFailed(id("sentinel-2", "cog", "d"), "RuntimeError: boom");
        clock.advance(Duration.ofHours(2));
        states.setInvalid(id("sentinel-2", "cog", "e"), "no assets");
        states.setProcessing(id("landsat", "stac", "x"), fixture.executionArn("stac", "x"));
        states.setCompleted(id("landsat", "publish", "y"));
    }

    @Test
    void countsEachWorkflowByStateSortedByKey() {
        seed();
        List<WorkflowCounts> counts = ops.counts(PayloadFilter.all());
        assertThat(counts)
                .extracting(WorkflowCounts::key)
                .containsExactly("landsat_publish", "landsat_stac", "sentinel-2_cog");
        WorkflowCounts cog = counts.get(2);
        assertThat(cog.count(WorkflowState.COMPLETED).count()).isEqualTo(2);
        assertThat(cog.count(WorkflowState.FAILED).count()).isEqualTo(2);
        assertThat(cog.count(WorkflowState.INVALID).count()).isEqualTo(1);
        assertThat(cog.count(WorkflowState.PROCESSING).count()).isZero();
        assertThat(cog.total()).isEqualTo(5);
    }

    @Test
    void countsHonourWorkflowSinceAndLimit() {
        seed();
        assertThat(ops.counts(PayloadFilter.all().withWorkflow("stac")))
                .singleElement()
                .satisfies(w -> assertThat(w.count(WorkflowState.PROCESSING).count()).isEqualTo(1));
        WorkflowCounts recent =
                ops.counts(PayloadFilter.all().withWorkflow("cog").withSince(Duration.ofHours(3)))
                        .get(0);
        assertThat(recent.count(WorkflowState.FAILED).count()).isEqualTo(1);
        assertThat(recent.count(WorkflowState.INVALID).count()).isEqualTo(1);
        assertThat(recent.count(WorkflowState.COMPLETED).count()).isZero();
        WorkflowCounts capped =
                ops.counts(PayloadFilter.all().withWorkflow("cog").withLimit(1)).get(0);
        assertThat(capped.count(WorkflowState.FAILED).toString()).isEqualTo("1+");
        assertThat(capped.count(WorkflowState.INVALID).toString()).isEqualTo("1");
    }

    @Test
    void listsItemsNewestFirstWithFilters() {
        seed();
        assertThat(ops.list(PayloadFilter.all().withState(WorkflowState.FAILED)))
                .extracting(r -> r.id().itemIds())
                .containsExactly("d", "c");
        assertThat(ops.list(PayloadFilter.all().withWorkflow("cog").withErrorBeginsWith("Timeout")))
                .extracting(r -> r.id().itemIds())
                .containsExactly("c");
        assertThat(ops.list(PayloadFilter.all().withCollections("sentinel-2").withLimit(3)))
                .extracting(r -> r.id().itemIds())
                .containsExactly("e", "d", "c");
        assertThat(ops.list(PayloadFilter.all().withSince(Duration.ofMinutes(30))))
                .extracting(r -> r.id().itemIds())
                .containsExactlyInAnyOrder("e", "x", "y");
    }

    @Test
    void listsMoreItemsThanOnePage() {
        for (int i = 0; i < 23; i++) {
            states.setFailed(id("c", "many", String.format("item-%04d", i)), "x");
        }
        PipelineOperations paged = fixture.operations(5);
        List<StateRecord> all = paged.list(PayloadFilter.all().withWorkflow("many"));
        assertThat(all).hasSize(23);
        assertThat(all.stream().map(r -> r.id().itemIds()).distinct()).hasSize(all.size());
        assertThat(paged.list(PayloadFilter.all().withWorkflow("many").withLimit(12))).hasSize(12);
        assertThat(paged.counts(PayloadFilter.all()).get(0).count(WorkflowState.FAILED).count())
                .isEqualTo(23);
    }

    @Test
    void statusShowsTheItemItsExecutionsAndItsInput() {
        seed();
        PayloadStatus status = ops.status(id("sentinel-2", "cog", "a"));
        assertThat(status.item().state()).isEqualTo(WorkflowState.COMPLETED);
        assertThat(status.input()).isEqualTo("s3://payloads/sentinel-2/workflow-cog/a/input.json");
        assertThat(status.executions())
                .singleElement()
                .satisfies(
                        e -> {
                            assertThat(e.arn()).isEqualTo(fixture.executionArn("cog", "never-ran"));
                            assertThat(e.status()).isEqualTo(ExecutionStatus.UNKNOWN);
                        });
        assertThat(status.linkOf("ARN")).contains("ARN");
    }

    @Test
    void statusOfAnUnknownPayloadIsAnError() {
        assertThatThrownBy(() -> ops.status(id("sentinel-2", "cog", "nope")))
                .isInstanceOfSatisfying(
                        OperateException.class,
                        e -> {
                            assertThat(e.code()).isEqualTo(OperateException.Code.PAYLOAD_NOT_FOUND);
                            assertThat(e.oneLine())
                                    .startsWith(
                                            "error[CIRRUS-O001] no payload sentinel-2/workflow-cog/nope")
                                    .contains("hint:")
                                    .doesNotContain("\n");
                        });
    }

    @Test
    void anUnknownOrExpiredExecutionIsAnError() {
        String arn = fixture.executionArn("cog", "expired");
        assertThat(ops.execution(arn)).isEmpty();
        assertThatThrownBy(() -> ops.timeline(arn))
                .isInstanceOfSatisfying(
                        OperateException.class,
                        e ->
                                assertThat(e.code())
                                        .isEqualTo(OperateException.Code.EXECUTION_NOT_FOUND));
        assertThatThrownBy(() -> ops.executionLogs(arn, Optional.empty()))
                .isInstanceOf(OperateException.class);
        assertThat(ops.batchJob("no-such-job")).isEmpty();
        assertThatThrownBy(() -> ops.batchLog("no-such-job", 10))
                .isInstanceOfSatisfying(
                        OperateException.class,
                        e ->
                                assertThat(e.code())
                                        .isEqualTo(OperateException.Code.BATCH_JOB_NOT_FOUND));
    }

    @Test
    void aDryRunFindsWithoutSending() {
        seed();
        RerunResult result = ops.rerun(PayloadFilter.all().withState(WorkflowState.FAILED), true);
        assertThat(result.sent()).isFalse();
        assertThat(result.matched()).extracting(PayloadId::itemIds).containsExactly("d", "c");
        assertThat(fixture.processQueue()).isEmpty();
    }

    @Test
    void aRerunSendsTheInputUrlsToTheProcessQueue() {
        seed();
        RerunResult result =
                ops.rerun(
                        PayloadFilter.all().withWorkflow("cog").withState(WorkflowState.FAILED),
                        false);
        assertThat(result.sent()).isTrue();
        assertThat(fixture.processQueue())
                .extracting(b -> Json.parse(b).path("url").asText())
                .containsExactlyInAnyOrder(
                        "s3://payloads/sentinel-2/workflow-cog/d/input.json",
                        "s3://payloads/sentinel-2/workflow-cog/c/input.json");
    }

    @Test
    void aRerunWithoutWorkflowOrStateIsRefused() {
        seed();
        assertThatThrownBy(() -> ops.rerun(PayloadFilter.all(), false))
                .isInstanceOfSatisfying(
                        OperateException.class,
                        e -> assertThat(e.code()).isEqualTo(OperateException.Code.BAD_FILTER));
        assertThat(fixture.processQueue()).isEmpty();
    }

    @Test
    void logsAreReadByStreamTailAndByTimeWindow() {
        Instant before = Instant.now().minusSeconds(1);
        fixture.writeLog("/aws/lambda/fn", "2026/01/01/a", List.of("one", "two", "three"));
        fixture.writeLog("/aws/lambda/fn", "2026/01/01/b", List.of("four"));
        Instant after = Instant.now().plusSeconds(2);
        assertThat(fixture.logs().tail("/aws/lambda/fn", "2026/01/01/a", 2))
                .extracting(LogLine::message)
                .containsExactly("two", "three");
        assertThat(fixture.logs().tail("/aws/lambda/fn", "missing", 2)).isEmpty();
        assertThat(fixture.logs().between("/aws/lambda/fn", before, after, 100))
                .extracting(LogLine::message)
                .containsExactlyInAnyOrder("one", "two", "three", "four");
        assertThat(
                        fixture.logs()
                                .between(
                                        "/aws/lambda/fn",
                                        before.minusSeconds(3600),
                                        before.minusSeconds(60),
                                        100))
                .isEmpty();
        assertThat(fixture.logs().between("/aws/lambda/none", before, after, 100)).isEmpty();
    }
}
