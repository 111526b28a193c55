package cirrus.local.dashboard;

import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import cirrus.local.http.HttpProblem;
import cirrus.runtime.json.InvalidJsonException;
import cirrus.runtime.port.BlobNotFoundException;
import cirrus.runtime.port.BlobStore;
import cirrus.runtime.port.BlobUrl;

/**
 * The payload inputs and outputs the dashboard shows (JSON documents of the pipeline's buckets), or
 * none when the backend offers no blob store to read.
 */
public final class DashboardBlobs {
    private final Optional<BlobStore> store;

    private DashboardBlobs(Optional<BlobStore> store) {
        this.store = store;
    }

    public static DashboardBlobs of(BlobStore store) {
        return new DashboardBlobs(Optional.of(store));
    }

    public static DashboardBlobs none() {
        return new DashboardBlobs(Optional.empty());
    }

    JsonNode read(String url) {
        BlobStore blobs =
                store.orElseThrow(
                        () -> HttpProblem.notFound("this dashboard cannot read bucket contents"));
        BlobUrl blob;
        try {
            blob = BlobUrl.parse(url);
        } catch (IllegalArgumentException e) {
            throw HttpProblem.badRequest("BadQuery", e.getMessage());
        }
        try {
            return blobs.getJson(blob);
        } catch (BlobNotFoundException e) {
            throw HttpProblem.notFound("no object at " + url);
        } catch (InvalidJsonException e) {
            throw HttpProblem.badRequest("NotJson", url + " is not a JSON document");
        }
    }
}
