package cirrus.local.store;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import cirrus.runtime.port.BlobStore;
import cirrus.runtime.port.BlobStoreContractTest;
import cirrus.runtime.port.BlobUrl;
import cirrus.runtime.port.StoreException;

class DirectoryBlobStoreTest extends BlobStoreContractTest {
    @TempDir Path dir;

    @Override
    protected BlobStore createStore() {
        DirectoryBlobStore store = new DirectoryBlobStore(dir.resolve("buckets"));
        store.createBucket(bucket());
        return store;
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "../outside.json",
                "a/../../outside.json",
                "a/./b",
                "/absolute",
                "a//b",
                "trailing/",
                "..",
                "back\\slash",
                "nul\u0000byte",
                "per%cent/%2E%2E/%+",
                "col/workflow-wf/.."
            })
    void everyKeyS3AcceptsIsStoredListedAndNeverLeavesTheBucket(String key) {
        BlobUrl url = new BlobUrl(bucket(), key);
        store.put(url, "x".getBytes(UTF_8));
        assertThat(store.find(url))
                .hasValueSatisfying(b -> assertThat(b).isEqualTo("x".getBytes(UTF_8)));
        assertThat(store.list(new BlobUrl(bucket(), ""))).containsExactly(url);
        assertThat(Files.exists(dir.resolve("outside.json"))).isFalse();
        assertThat(Files.exists(dir.resolve("buckets/outside.json"))).isFalse();
        store.delete(url);
        assertThat(store.exists(url)).isFalse();
    }

    @Test
    void aSegmentLongerThanAFileNameIsStoredInPieces() {
        String segment = "é".repeat(200) + "x".repeat(300);
        BlobUrl url = new BlobUrl(bucket(), "col/workflow-wf/" + segment + "/input.json");
        store.put(url, "{}".getBytes(UTF_8));
        assertThat(store.find(url)).isPresent();
        assertThat(store.list(new BlobUrl(bucket(), "col/workflow-wf/" + segment.substring(0, 10))))
                .containsExactly(url);
        assertThat(store.list(new BlobUrl(bucket(), "col/workflow-wf/" + segment + "/")))
                .containsExactly(url);
    }

    @ParameterizedTest
    @ValueSource(strings = {"..", ".hidden", ".tmp", "-dash"})
    void bucketNamesThatCouldEscapeTheRootAreRejected(String bucket) {
        assertThatThrownBy(
                        () ->
                                store.put(
                                        new BlobUrl(bucket.isEmpty() ? "x" : bucket, "k"),
                                        new byte[0]))
                .isInstanceOfAny(IllegalArgumentException.class);
    }

    @Test
    void objectsArePlainFilesUnderTheirBucket() throws Exception {
        store.put(BlobUrl.parse("s3://" + bucket() + "/a/b/c.json"), "{}".getBytes(UTF_8));
        assertThat(dir.resolve("buckets/" + bucket() + "/a/b/c.json")).hasContent("{}");
        assertThat(dir.resolve("buckets/.tmp")).isEmptyDirectory();
    }

    @Test
    void deletingTheLastObjectOfAPrefixRemovesEmptyDirectories() {
        store.put(new BlobUrl(bucket(), "a/b/c.json"), new byte[0]);
        store.delete(new BlobUrl(bucket(), "a/b/c.json"));
        assertThat(dir.resolve("buckets/" + bucket())).isEmptyDirectory();
    }

    @Test
    void anObjectAndAPrefixOfTheSameNameCannotCoexistLocally() {
        store.put(new BlobUrl(bucket(), "a"), new byte[0]);
        assertThatThrownBy(() -> store.put(new BlobUrl(bucket(), "a/b"), new byte[0]))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("s3://" + bucket() + "/a/b");
    }
}
