package cirrus.runtime.testing;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

import cirrus.runtime.port.BlobStore;
import cirrus.runtime.port.BlobUrl;
import cirrus.runtime.port.PutOptions;

/**
 * A {@link BlobStore} in memory, for tests of logic over the port (verified by {@code
 * MemoryBlobStoreTest} against the contract). Keys sort as Java strings, which equals S3's UTF-8
 * order for the BMP keys tests use.
 */
public final class MemoryBlobStore implements BlobStore {
    private final ConcurrentSkipListMap<String, byte[]> objects = new ConcurrentSkipListMap<>();

    @Override
    public Optional<byte[]> find(BlobUrl url) {
        return Optional.ofNullable(objects.get(url.toString())).map(byte[]::clone);
    }

    @Override
    public void put(BlobUrl url, byte[] content, PutOptions options) {
        objects.put(url.toString(), content.clone());
    }

    @Override
    public boolean exists(BlobUrl url) {
        return objects.containsKey(url.toString());
    }

    @Override
    public List<BlobUrl> list(BlobUrl prefix) {
        String from = prefix.toString();
        return objects.tailMap(from).keySet().stream()
                .takeWhile(k -> k.startsWith(from))
                .map(BlobUrl::parse)
                .toList();
    }

    @Override
    public void delete(BlobUrl url) {
        objects.remove(url.toString());
    }
}
