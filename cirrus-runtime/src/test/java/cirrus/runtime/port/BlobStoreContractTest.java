package cirrus.runtime.port;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import cirrus.runtime.json.Json;

/**
 * What every {@link BlobStore} must do. An adapter test extends this class and creates a store with
 * an existing, empty bucket named {@link #bucket()}.
 */
public abstract class BlobStoreContractTest {
    protected BlobStore store;

    /** A fresh store in which {@link #bucket()} exists and is empty. */
    protected abstract BlobStore createStore() throws Exception;

    /** The name of the bucket the tests use. */
    protected String bucket() {
        return "contract-bucket";
    }

    @BeforeEach
    void setUpStore() throws Exception {
        store = createStore();
    }

    private BlobUrl url(String key) {
        return new BlobUrl(bucket(), key);
    }

    @Test
    void putThenGetReturnsTheSameBytes() {
        store.put(url("a/b.json"), "hello".getBytes(UTF_8));
        assertThat(store.get(url("a/b.json"))).isEqualTo("hello".getBytes(UTF_8));
        assertThat(store.find(url("a/b.json"))).hasValueSatisfying(b -> assertThat(b).hasSize(5));
    }

    @Test
    void aMissingObjectIsEmptyAndGetThrows() {
        assertThat(store.find(url("nope.json"))).isEmpty();
        assertThat(store.exists(url("nope.json"))).isFalse();
        assertThatThrownBy(() -> store.get(url("nope.json")))
                .isInstanceOf(BlobNotFoundException.class)
                .hasMessageContaining("s3://" + bucket() + "/nope.json");
    }

    @Test
    void putReplacesExistingContent() {
        store.put(url("k"), "first, longer content".getBytes(UTF_8));
        store.put(url("k"), "second".getBytes(UTF_8));
        assertThat(new String(store.get(url("k")), UTF_8)).isEqualTo("second");
    }

    @Test
    void existsFollowsPutAndDelete() {
        store.put(url("x/y"), new byte[] {1, 2, 3});
        assertThat(store.exists(url("x/y"))).isTrue();
        store.delete(url("x/y"));
        assertThat(store.exists(url("x/y"))).isFalse();
        assertThat(store.find(url("x/y"))).isEmpty();
    }

    @Test
    void deletingAMissingObjectDoesNothing() {
        store.delete(url("never/written"));
        assertThat(store.exists(url("never/written"))).isFalse();
    }

    @Test
    void emptyObjectsAreObjects() {
        store.put(url("empty"), new byte[0]);
        assertThat(store.exists(url("empty"))).isTrue();
        assertThat(store.get(url("empty"))).isEmpty();
    }

    @Test
    void listReturnsEveryKeyWithThePrefixSortedByKey() {
        for (String key : List.of("b.json", "a/2.json", "ab.json", "a/b/3.json", "a/1.json")) {
            store.put(url(key), key.getBytes(UTF_8));
        }
        assertThat(store.list(url("a/")))
                .extracting(BlobUrl::key)
                .containsExactly("a/1.json", "a/2.json", "a/b/3.json");
        assertThat(store.list(url("a")))
                .extracting(BlobUrl::key)
                .containsExactly("a/1.json", "a/2.json", "a/b/3.json", "ab.json");
        assertThat(store.list(url("")))
                .extracting(BlobUrl::toString)
                .containsExactly(
                        "s3://" + bucket() + "/a/1.json",
                        "s3://" + bucket() + "/a/2.json",
                        "s3://" + bucket() + "/a/b/3.json",
                        "s3://" + bucket() + "/ab.json",
                        "s3://" + bucket() + "/b.json");
        assertThat(store.list(url("zzz"))).isEmpty();
    }

    @Test
    void listPagesThroughManyKeys() {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 1_050; i++) {
            String key = String.format("many/%05d", i);
            keys.add(key);
            store.put(url(key), new byte[] {(byte) i});
        }
        assertThat(store.list(url("many/"))).extracting(BlobUrl::key).isEqualTo(keys);
    }

    @Test
    void keysMayContainSpacesColonsAndUnicode() {
        BlobUrl odd = url("sentinel:utm_zone/17/S2B tile é/ñ.json");
        store.put(odd, "odd".getBytes(UTF_8));
        assertThat(store.get(odd)).isEqualTo("odd".getBytes(UTF_8));
        assertThat(store.list(url("sentinel:"))).containsExactly(odd);
    }

    @Test
    void jsonRoundTripsAndIsStoredAsUtf8Text() {
        JsonNode json = Json.parse("{\"id\":\"a/workflow-b/c\",\"n\":1.50,\"t\":\"é\"}");
        store.putJson(url("p/input.json"), json);
        assertThat(store.getJson(url("p/input.json"))).isEqualTo(json);
        assertThat(new String(store.get(url("p/input.json")), UTF_8)).contains("\"t\":\"é\"");
    }

    @Test
    void getJsonOfNonJsonContentIsAStoreError() {
        store.put(url("not.json"), "{nope".getBytes(UTF_8));
        assertThatThrownBy(() -> store.getJson(url("not.json")))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("not.json")
                .hasMessageContaining("not valid JSON");
    }

    @Test
    void largeObjectsRoundTrip() {
        byte[] big = new byte[3 * 1024 * 1024 + 17];
        for (int i = 0; i < big.length; i++) {
            big[i] = (byte) (i * 31);
        }
        store.put(url("big.bin"), big);
        assertThat(store.get(url("big.bin"))).isEqualTo(big);
    }

    @Test
    void concurrentWritersLeaveOneCompleteVersion() throws Exception {
        int writers = 6;
        List<byte[]> versions = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            byte[] content = new byte[256 * 1024];
            java.util.Arrays.fill(content, (byte) ('a' + w));
            versions.add(content);
        }
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (byte[] content : versions) {
                done.add(
                        pool.submit(
                                () -> {
                                    for (int i = 0; i < 5; i++) {
                                        store.put(url("contended"), content);
                                    }
                                }));
            }
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        byte[] result = store.get(url("contended"));
        assertThat(versions).anySatisfy(v -> assertThat(result).isEqualTo(v));
        assertThat(store.list(url(""))).extracting(BlobUrl::key).containsExactly("contended");
    }
}
