package cirrus.local.batch;

/** {@link InMemoryJobStore} honours the {@link JobStore} contract. */
class InMemoryJobStoreTest extends JobStoreContractTest {
    @Override
    protected JobStore create() {
        return new InMemoryJobStore();
    }

    @Override
    protected JobStore reopen(JobStore store) {
        return store;
    }
}
