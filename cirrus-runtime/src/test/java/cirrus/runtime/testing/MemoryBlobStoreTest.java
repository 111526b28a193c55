package cirrus.runtime.testing;

import cirrus.runtime.port.BlobStore;
import cirrus.runtime.port.BlobStoreContractTest;

class MemoryBlobStoreTest extends BlobStoreContractTest {
    @Override
    protected BlobStore createStore() {
        return new MemoryBlobStore();
    }
}
