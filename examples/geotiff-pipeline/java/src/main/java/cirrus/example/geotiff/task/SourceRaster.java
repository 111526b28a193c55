package cirrus.example.geotiff.task;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cirrus.example.geotiff.geo.GeoTiff;
import cirrus.example.geotiff.tiff.TiffFormatException;
import cirrus.runtime.port.BlobStore;
import cirrus.runtime.port.BlobUrl;
import cirrus.runtime.task.InvalidInput;

/**
 * The GeoTIFF an item's asset points at, fetched from object storage with its header read. Every
 * problem that retrying cannot fix (no such asset, not an {@code s3://} URL, no such object, not a
 * GeoTIFF this example reads) is an {@link InvalidInput} naming the item and the file.
 *
 * @param url where the file is
 * @param bytes the whole file
 * @param tiff its header
 */
record SourceRaster(BlobUrl url, byte[] bytes, GeoTiff tiff) {
    static SourceRaster load(ObjectNode item, String assetKey, BlobStore blobs) {
        String id = item.path("id").asText("?");
        JsonNode href = item.path("assets").path(assetKey).path("href");
        if (!href.isTextual() || href.asText().isBlank()) {
            throw new InvalidInput(
                    "item " + id + " has no asset '" + assetKey + "' with an href to a GeoTIFF");
        }
        BlobUrl url;
        try {
            url = BlobUrl.parse(href.asText());
        } catch (IllegalArgumentException e) {
            throw new InvalidInput(
                    "item "
                            + id
                            + ": asset '"
                            + assetKey
                            + "' href "
                            + href.asText()
                            + " is not an s3:// URL");
        }
        byte[] bytes =
                blobs.find(url)
                        .orElseThrow(
                                () ->
                                        new InvalidInput(
                                                "item " + id + ": " + url + " does not exist"));
        try {
            return new SourceRaster(url, bytes, GeoTiff.read(bytes));
        } catch (TiffFormatException e) {
            throw new InvalidInput("item " + id + ": " + url + ": " + e.getMessage(), e);
        }
    }
}
