package cirrus.runtime.port;

import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import cirrus.runtime.json.InvalidJsonException;
import cirrus.runtime.json.Json;

/**
 * Object storage addressed by {@code s3://bucket/key} URLs: S3 on AWS, one directory per bucket
 * locally. Writes are atomic (a reader sees the old or the new content, never a mix).
 */
public interface BlobStore {
    /** The content of the object, or empty when it does not exist. */
    Optional<byte[]> find(BlobUrl url);

    /** Writes (creates or replaces) the object. */
    void put(BlobUrl url, byte[] content, PutOptions options);

    /** Whether the object exists. */
    boolean exists(BlobUrl url);

    /**
     * The URLs of every object of {@code prefix.bucket()} whose key starts with {@code
     * prefix.key()}, sorted by key (UTF-8 byte order, as S3 lists them).
     */
    List<BlobUrl> list(BlobUrl prefix);

    /** Removes the object; does nothing when it does not exist. */
    void delete(BlobUrl url);

    /**
     * The content of the object.
     *
     * @throws BlobNotFoundException when it does not exist
     */
    default byte[] get(BlobUrl url) {
        return find(url).orElseThrow(() -> new BlobNotFoundException(url));
    }

    /** Writes {@code content} as a private binary object. */
    default void put(BlobUrl url, byte[] content) {
        put(url, content, PutOptions.BINARY);
    }

    /**
     * The object parsed as JSON.
     *
     * @throws BlobNotFoundException when it does not exist
     * @throws StoreException when it is not JSON
     */
    default JsonNode getJson(BlobUrl url) {
        try {
            return Json.parse(get(url));
        } catch (InvalidJsonException e) {
            throw new StoreException(url + " is not valid JSON: " + e.getMessage(), e);
        }
    }

    /** Writes {@code json} as {@code application/json}. */
    default void putJson(BlobUrl url, JsonNode json) {
        put(url, Json.bytes(json), PutOptions.JSON);
    }
}
