package cirrus.runtime.port;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cirrus.runtime.payload.PayloadId;

/**
 * What every {@link StateStore} must do: the reads and writes of cirrus v0.15.4 {@code StateDB}
 * (ported from its {@code test_statedb.py}) and the v1 claim protocol. An adapter test extends this
 * class and returns an empty store that takes its time from the given clock.
 */
public abstract class StateStoreContractTest {
    protected static final String CW = "sentinel-s2-l2a_cog-archive";

    protected MutableClock clock;
    protected StateStore store;

    /** A fresh, empty store whose timestamps come from {@code clock}. */
    protected abstract StateStore createStore(MutableClock clock) throws Exception;

    @BeforeEach
    void setUpStore() throws Exception {
        clock = MutableClock.fixed();
        store = createStore(clock);
    }

    protected static PayloadId id(String item) {
        return new PayloadId("sentinel-s2-l2a", "cog-archive", item);
    }

    private static String arn(String name) {
        return "arn:aws:states:us-west-2:123456789012:execution:test-cog-archive:" + name;
    }

    private StateRecord record(PayloadId id) {
        return store.get(id).orElseThrow(() -> new AssertionError("no item for " + id));
    }

    private void tick() {
        clock.advance(Duration.ofSeconds(1));
    }

    // ---- single-item writes -------------------------------------------------------------

    @Test
    void aMissingItemIsEmpty() {
        assertThat(store.get(id("nope"))).isEmpty();
        assertThat(store.state(id("nope"))).isEmpty();
    }

    @Test
    void setProcessingCreatesTheItemAndAppendsExecutions() {
        Instant first = clock.instant();
        store.setProcessing(id("a"), arn("one"));
        StateRecord created = record(id("a"));
        assertThat(created.state()).isEqualTo(WorkflowState.PROCESSING);
        assertThat(created.executions()).containsExactly(arn("one"));
        assertThat(created.created()).isEqualTo(first);
        assertThat(created.updated()).isEqualTo(first);
        assertThat(created.stateUpdated()).isEqualTo(first);

        tick();
        store.setProcessing(id("a"), arn("two"));
        StateRecord again = record(id("a"));
        assertThat(again.executions()).containsExactly(arn("one"), arn("two"));
        assertThat(again.created()).isEqualTo(first);
        assertThat(again.updated()).isEqualTo(clock.instant());
    }

    @Test
    void setOutputsKeepsTheState() {
        store.setProcessing(id("a"), arn("one"));
        tick();
        store.setOutputs(id("a"), List.of("s3://data/a.json", "s3://data/b.json"));
        StateRecord r = record(id("a"));
        assertThat(r.state()).isEqualTo(WorkflowState.PROCESSING);
        assertThat(r.outputs()).containsExactly("s3://data/a.json", "s3://data/b.json");
        assertThat(r.updated()).isEqualTo(clock.instant());
        assertThat(r.stateUpdated()).isBefore(clock.instant());
    }

    @Test
    void setCompletedWithAndWithoutOutputs() {
        store.setProcessing(id("a"), arn("one"));
        store.setOutputs(id("a"), List.of("s3://data/kept.json"));
        tick();
        store.setCompleted(id("a"));
        assertThat(record(id("a")).state()).isEqualTo(WorkflowState.COMPLETED);
        assertThat(record(id("a")).outputs()).containsExactly("s3://data/kept.json");
        assertThat(record(id("a")).stateUpdated()).isEqualTo(clock.instant());

        store.setCompleted(id("b"), Optional.of(List.of("s3://data/new.json")));
        assertThat(record(id("b")).state()).isEqualTo(WorkflowState.COMPLETED);
        assertThat(record(id("b")).outputs()).containsExactly("s3://data/new.json");
    }

    @Test
    void setFailedAndSetInvalidRecordTheLastError() {
        store.setFailed(id("f"), "Exception: boom");
        store.setInvalid(id("i"), "InvalidInput: no assets");
        assertThat(record(id("f")).state()).isEqualTo(WorkflowState.FAILED);
        assertThat(record(id("f")).lastError()).hasValue("Exception: boom");
        assertThat(record(id("i")).state()).isEqualTo(WorkflowState.INVALID);
        assertThat(record(id("i")).lastError()).hasValue("InvalidInput: no assets");
    }

    @Test
    void setAbortedAndDelete() {
        store.setProcessing(id("a"), arn("one"));
        store.setAborted(id("a"));
        assertThat(store.state(id("a"))).hasValue(WorkflowState.ABORTED);
        store.delete(id("a"));
        assertThat(store.get(id("a"))).isEmpty();
        store.delete(id("a"));
        assertThat(store.get(id("a"))).isEmpty();
    }

    @Test
    void anIdWithoutItemIdsIsStoredUnderTheEmptyRangeKey() {
        PayloadId bare = new PayloadId("col1/col2", "wf", "");
        store.setFailed(bare, "x");
        assertThat(record(bare).id()).isEqualTo(bare);
        assertThat(record(bare).id().toString()).isEqualTo("col1/col2/workflow-wf");
    }

    @Test
    void collectionsMayContainSlashesAndUnderscores() {
        PayloadId odd = new PayloadId("landsat_c2/l2_sr", "wf", "LC08_L2SP_1/LC08_L2SP_2");
        store.setFailed(odd, "x");
        assertThat(record(odd).id()).isEqualTo(odd);
        assertThat(store.query(StateQuery.of("landsat_c2/l2_sr_wf"), 10, Optional.empty()).items())
                .extracting(StateRecord::id)
                .containsExactly(odd);
    }

    @Test
    void getAllReturnsExistingItemsOnceAndSkipsMissingOnes() {
        store.setFailed(id("a"), "x");
        store.setAborted(id("b"));
        var found = store.getAll(List.of(id("a"), id("b"), id("a"), id("missing")));
        assertThat(found).containsOnlyKeys(id("a"), id("b"));
        assertThat(found.get(id("b")).state()).isEqualTo(WorkflowState.ABORTED);
        assertThat(store.getAll(List.of())).isEmpty();
    }

    @Test
    void getAllReadsMoreThanOneHundredIds() {
        List<PayloadId> ids = new ArrayList<>();
        for (int i = 0; i < 130; i++) {
            ids.add(id("item-" + i));
            store.setFailed(ids.get(i), "e" + i);
        }
        assertThat(store.getAll(ids)).hasSize(130);
    }

    // ---- claim protocol -----------------------------------------------------------------

    @Test
    void claimingANewPayloadRecordsThePlannedExecution() {
        ClaimResult result = store.claim(new ClaimRequest(id("a"), arn("n1"), 0));
        assertThat(result).isInstanceOf(ClaimResult.Claimed.class);
        StateRecord r = ((ClaimResult.Claimed) result).record();
        assertThat(r.state()).isEqualTo(WorkflowState.CLAIMED);
        assertThat(r.executions()).containsExactly(arn("n1"));
        assertThat(r.lastExecution()).hasValue(arn("n1"));
        assertThat(r.claimedAt()).hasValue(clock.instant());
        assertThat(record(id("a"))).isEqualTo(r);
    }

    @Test
    void aClaimedPayloadCannotBeClaimedAgain() {
        store.claim(new ClaimRequest(id("a"), arn("n1"), 0));
        ClaimResult second = store.claim(new ClaimRequest(id("a"), arn("n2"), 1));
        assertThat(second).isInstanceOf(ClaimResult.Conflict.class);
        StateRecord current = ((ClaimResult.Conflict) second).current().orElseThrow();
        assertThat(current.state()).isEqualTo(WorkflowState.CLAIMED);
        assertThat(current.executions()).containsExactly(arn("n1"));
    }

    @Test
    void aProcessingPayloadCannotBeClaimed() {
        store.setProcessing(id("a"), arn("n1"));
        ClaimResult result = store.claim(new ClaimRequest(id("a"), arn("n2"), 1));
        assertThat(result).isInstanceOf(ClaimResult.Conflict.class);
        assertThat(record(id("a")).executions()).containsExactly(arn("n1"));
    }

    @Test
    void aClaimBasedOnAStaleHistoryIsRejected() {
        store.setProcessing(id("a"), arn("n1"));
        store.setFailed(id("a"), "boom");
        ClaimResult stale = store.claim(new ClaimRequest(id("a"), arn("n2"), 0));
        assertThat(stale).isInstanceOf(ClaimResult.Conflict.class);
        assertThat(((ClaimResult.Conflict) stale).current().orElseThrow().state())
                .isEqualTo(WorkflowState.FAILED);
        ClaimResult fresh = store.claim(new ClaimRequest(id("a"), arn("n2"), 1));
        assertThat(fresh).isInstanceOf(ClaimResult.Claimed.class);
    }

    @Test
    void claimingAFinishedPayloadClearsItsErrorAndOutputs() {
        store.setProcessing(id("a"), arn("n1"));
        store.setOutputs(id("a"), List.of("s3://data/old.json"));
        store.setFailed(id("a"), "boom");
        Instant created = record(id("a")).created();
        tick();
        store.claim(new ClaimRequest(id("a"), arn("n2"), 1));
        StateRecord r = record(id("a"));
        assertThat(r.state()).isEqualTo(WorkflowState.CLAIMED);
        assertThat(r.lastError()).isEmpty();
        assertThat(r.outputs()).isEmpty();
        assertThat(r.executions()).containsExactly(arn("n1"), arn("n2"));
        assertThat(r.created()).isEqualTo(created);
        assertThat(r.updated()).isEqualTo(clock.instant());
    }

    @Test
    void completedAndInvalidPayloadsCanBeClaimedTheCallerDecidesAboutReplace() {
        store.setCompleted(id("c"));
        store.setInvalid(id("i"), "bad");
        assertThat(store.claim(new ClaimRequest(id("c"), arn("n1"), 0)))
                .isInstanceOf(ClaimResult.Claimed.class);
        assertThat(store.claim(new ClaimRequest(id("i"), arn("n1"), 0)))
                .isInstanceOf(ClaimResult.Claimed.class);
    }

    @Test
    void markProcessingOnlyMovesClaimedPayloads() {
        assertThat(store.markProcessing(id("new"))).isFalse();
        assertThat(store.get(id("new"))).isEmpty();

        store.claim(new ClaimRequest(id("a"), arn("n1"), 0));
        tick();
        assertThat(store.markProcessing(id("a"))).isTrue();
        StateRecord r = record(id("a"));
        assertThat(r.state()).isEqualTo(WorkflowState.PROCESSING);
        assertThat(r.stateUpdated()).isEqualTo(clock.instant());
        assertThat(r.executions()).containsExactly(arn("n1"));
        assertThat(store.markProcessing(id("a"))).isFalse();

        store.setCompleted(id("a"));
        assertThat(store.markProcessing(id("a"))).isFalse();
        assertThat(store.state(id("a"))).hasValue(WorkflowState.COMPLETED);
    }

    @Test
    void ofManyConcurrentClaimsExactlyOneWins() throws Exception {
        int threads = 8;
        int payloads = 20;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            for (int p = 0; p < payloads; p++) {
                PayloadId target = id("race-" + p);
                CountDownLatch start = new CountDownLatch(1);
                List<Future<ClaimResult>> results = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    String planned = arn("p" + p + "-t" + t);
                    Callable<ClaimResult> claim =
                            () -> {
                                start.await();
                                return store.claim(new ClaimRequest(target, planned, 0));
                            };
                    results.add(pool.submit(claim));
                }
                start.countDown();
                List<StateRecord> winners = new ArrayList<>();
                for (Future<ClaimResult> f : results) {
                    if (f.get(60, TimeUnit.SECONDS) instanceof ClaimResult.Claimed c) {
                        winners.add(c.record());
                    }
                }
                assertThat(winners).hasSize(1);
                assertThat(record(target).executions())
                        .containsExactlyElementsOf(winners.get(0).executions());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    // ---- queries --------------------------------------------------------------------------

    /** 26 FAILED items written one second apart, then 4 COMPLETED. */
    private void seedThirtyItems() {
        for (int i = 0; i < 26; i++) {
            store.setFailed(
                    id(String.format("item-%02d", i)), i % 2 == 0 ? "Timeout: x" : "Boom: y");
            tick();
        }
        for (int i = 26; i < 30; i++) {
            store.setCompleted(id(String.format("item-%02d", i)));
            tick();
        }
        store.setFailed(new PayloadId("other", "cog-archive", "item-99"), "Timeout: other");
    }

    private List<String> all(StateQuery query, int pageSize) {
        List<String> ids = new ArrayList<>();
        Optional<PayloadId> next = Optional.empty();
        for (int pages = 0; pages < 100; pages++) {
            StatePage page = store.query(query, pageSize, next);
            assertThat(page.items().size()).isLessThanOrEqualTo(pageSize);
            page.items().forEach(r -> ids.add(r.id().itemIds()));
            next = page.nextKey();
            if (next.isEmpty()) {
                return ids;
            }
        }
        throw new AssertionError("paging did not terminate");
    }

    @Test
    void queryByStatePagesNewestFirstWithPayloadIdNextKeys() {
        seedThirtyItems();
        StatePage first =
                store.query(
                        StateQuery.of(CW).withState(WorkflowState.FAILED), 10, Optional.empty());
        assertThat(first.items()).hasSize(10);
        assertThat(first.items().get(0).id().itemIds()).isEqualTo("item-25");
        assertThat(first.nextKey()).hasValue(id("item-16"));

        List<String> ids = all(StateQuery.of(CW).withState(WorkflowState.FAILED), 10);
        assertThat(ids).hasSize(26);
        assertThat(ids.get(0)).isEqualTo("item-25");
        assertThat(ids.get(25)).isEqualTo("item-00");
        assertThat(all(StateQuery.of(CW).withState(WorkflowState.FAILED).withAscending(true), 7))
                .startsWith("item-00", "item-01")
                .hasSize(26);
    }

    @Test
    void queryWithoutFiltersListsEveryItemOfTheCollectionsWorkflow() {
        seedThirtyItems();
        List<String> ids = all(StateQuery.of(CW), 10);
        assertThat(ids).hasSize(30);
        assertThat(ids.get(0)).isEqualTo("item-29");
        assertThat(all(StateQuery.of(CW).withSortIndex(SortIndex.DEFAULT).withAscending(true), 8))
                .startsWith("item-00", "item-01", "item-02")
                .hasSize(30);
        assertThat(all(StateQuery.of("nothing_here"), 10)).isEmpty();
    }

    @Test
    void querySinceKeepsRecentChangesOnly() {
        seedThirtyItems();
        // clock is 30 s after the first write; items 20..29 were written in the last 10 s
        assertThat(all(StateQuery.of(CW).withSince(Duration.ofSeconds(10)), 4))
                .containsExactly(
                        "item-29", "item-28", "item-27", "item-26", "item-25", "item-24", "item-23",
                        "item-22", "item-21", "item-20");
        assertThat(
                        all(
                                StateQuery.of(CW)
                                        .withState(WorkflowState.FAILED)
                                        .withSince(Duration.ofSeconds(10)),
                                4))
                .containsExactly("item-25", "item-24", "item-23", "item-22", "item-21", "item-20");
        assertThat(all(StateQuery.of(CW).withSince(Duration.ofDays(1)), 50)).hasSize(30);
    }

    @Test
    void queryByErrorPrefix() {
        seedThirtyItems();
        List<String> timeouts =
                all(
                        StateQuery.of(CW)
                                .withState(WorkflowState.FAILED)
                                .withErrorBeginsWith("Timeout"),
                        5);
        assertThat(timeouts).hasSize(13).allMatch(s -> Integer.parseInt(s.substring(5)) % 2 == 0);
        assertThat(all(StateQuery.of(CW).withErrorBeginsWith("Boom: y"), 100)).hasSize(13);
        assertThat(all(StateQuery.of(CW).withErrorBeginsWith("nothing"), 100)).isEmpty();
    }

    @Test
    void aStateChangeMovesTheItemInStateOrder() {
        seedThirtyItems();
        store.setFailed(id("item-00"), "Boom: again");
        List<String> ids = all(StateQuery.of(CW).withState(WorkflowState.FAILED), 100);
        assertThat(ids.get(0)).isEqualTo("item-00");
        store.setCompleted(id("item-01"));
        assertThat(all(StateQuery.of(CW).withState(WorkflowState.FAILED), 100))
                .hasSize(25)
                .doesNotContain("item-01");
    }

    @Test
    void countsAllByStateSinceAndCapped() {
        seedThirtyItems();
        assertThat(store.count(StateQuery.of(CW), OptionalLong.empty()))
                .isEqualTo(new StateCount(30, false));
        assertThat(
                        store.count(
                                StateQuery.of(CW).withState(WorkflowState.COMPLETED),
                                OptionalLong.empty()))
                .isEqualTo(new StateCount(4, false));
        assertThat(
                        store.count(
                                        StateQuery.of(CW).withSince(Duration.ofSeconds(10)),
                                        OptionalLong.empty())
                                .count())
                .isEqualTo(10);
        StateCount capped = store.count(StateQuery.of(CW), OptionalLong.of(15));
        assertThat(capped).isEqualTo(new StateCount(15, true));
        assertThat(capped.toString()).isEqualTo("15+");
        assertThat(store.count(StateQuery.of(CW), OptionalLong.of(30)))
                .isEqualTo(new StateCount(30, false));
        assertThat(
                        store.count(
                                StateQuery.of(CW).withState(WorkflowState.INVALID),
                                OptionalLong.of(5)))
                .isEqualTo(new StateCount(0, false));
    }
}
