package cirrus.local.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link JobStore} must do; each implementation's test extends this class. */
abstract class JobStoreContractTest {
    private JobStore store;

    /** A new, empty store. */
    protected abstract JobStore create();

    /** The same store reopened, as a restarted emulator would see it. */
    protected abstract JobStore reopen(JobStore store);

    @BeforeEach
    void open() {
        store = create();
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void storedJobReadsBackEqual() {
        Job job = Jobs.job("a", 1, "q", JobStatus.RUNNING);
        store.put(job);
        assertThat(store.get("a")).contains(job);
        assertThat(store.get("missing")).isEmpty();
    }

    @Test
    void putReplacesTheJobWithTheSameId() {
        store.put(Jobs.job("a", 1, "q", JobStatus.RUNNABLE));
        Job done = Jobs.job("a", 1, "q", JobStatus.SUCCEEDED);
        store.put(done);
        assertThat(store.get("a")).contains(done);
        assertThat(store.list(null, Set.of(), 10)).containsExactly(done);
    }

    @Test
    void listFiltersByQueueAndStatusInSubmissionOrder() {
        Job b = Jobs.job("b", 2, "q1", JobStatus.RUNNABLE);
        Job a = Jobs.job("a", 1, "q1", JobStatus.RUNNABLE);
        Job c = Jobs.job("c", 3, "q2", JobStatus.RUNNABLE);
        Job d = Jobs.job("d", 4, "q1", JobStatus.SUCCEEDED);
        store.putAll(List.of(b, a, c, d));
        assertThat(store.list("q1", Set.of(JobStatus.RUNNABLE), 10)).containsExactly(a, b);
        assertThat(store.list("q1", Set.of(), 10)).containsExactly(a, b, d);
        assertThat(store.list(null, Set.of(JobStatus.RUNNABLE), 10)).containsExactly(a, b, c);
        assertThat(store.list(null, Set.of(JobStatus.RUNNABLE, JobStatus.SUCCEEDED), 2))
                .containsExactly(a, b);
    }

    @Test
    void unfinishedJobsExcludeSucceededAndFailed() {
        store.putAll(
                List.of(
                        Jobs.job("a", 1, "q", JobStatus.SUCCEEDED),
                        Jobs.job("b", 2, "q", JobStatus.RUNNING),
                        Jobs.job("c", 3, "q", JobStatus.FAILED),
                        Jobs.job("d", 4, "q", JobStatus.SUBMITTED)));
        assertThat(store.unfinished()).extracting(Job::jobId).containsExactly("b", "d");
    }

    @Test
    void lastSequenceIsTheHighestStored() {
        assertThat(store.lastSequence()).isZero();
        store.put(Jobs.job("a", 7, "q", JobStatus.RUNNABLE));
        store.put(Jobs.job("b", 3, "q", JobStatus.RUNNABLE));
        assertThat(store.lastSequence()).isEqualTo(7);
    }

    @Test
    void jobDefinitionRevisionsReadBackInOrder() {
        JobDefinitionSpec spec =
                new JobDefinitionSpec(
                        "def",
                        java.util.Map.of("url", ""),
                        Jobs.job("x", 1, "q", JobStatus.SUBMITTED).container(),
                        new RetryStrategy(2, List.of()),
                        120,
                        java.util.Map.of(),
                        false,
                        null);
        JobDefinition two =
                new JobDefinition(
                        2,
                        BatchArns.DEFAULT.jobDefinition("def", 2),
                        JobDefinition.Status.ACTIVE,
                        spec);
        JobDefinition one =
                new JobDefinition(
                        1,
                        BatchArns.DEFAULT.jobDefinition("def", 1),
                        JobDefinition.Status.ACTIVE,
                        spec);
        store.putJobDefinition(two);
        store.putJobDefinition(one);
        store.putJobDefinition(one.deactivated());
        assertThat(store.jobDefinitions("def")).containsExactly(one.deactivated(), two);
        assertThat(store.jobDefinitions("other")).isEmpty();
    }

    @Test
    void everythingSurvivesReopening() {
        Job job = Jobs.job("a", 1, "q", JobStatus.RUNNING);
        store.put(job);
        store = reopen(store);
        assertThat(store.get("a")).contains(job);
        assertThat(store.unfinished()).containsExactly(job);
        assertThat(store.lastSequence()).isEqualTo(1);
    }
}
