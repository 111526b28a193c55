package cirrus.example.geotiff.task;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cirrus.example.geotiff.stac.StacItem;
import cirrus.runtime.payload.ProcessPayload;
import cirrus.runtime.task.InvalidInput;
import cirrus.runtime.task.Task;
import cirrus.runtime.task.TaskContext;

/**
 * The Lambda task {@code geotiff-to-stac}: reads the header of the GeoTIFF each payload item points
 * at (asset {@code data}, or the task's {@code asset} setting) and replaces the item by a STAC
 * 1.0.0 Item describing the file: footprint, bbox, datetime, projection and raster fields. Only the
 * header is decoded.
 *
 * <p>A file that is missing or not a GeoTIFF this example reads makes the payload INVALID ({@link
 * InvalidInput}), as does an item without any datetime (neither the file's DateTime tag nor the
 * item's {@code properties.datetime}).
 */
public final class GeoTiffToStacTask implements Task {
    /** The default asset holding the GeoTIFF. */
    public static final String DEFAULT_ASSET = "data";

    @Override
    public ProcessPayload process(ProcessPayload payload, TaskContext context) {
        String assetKey = context.config().path("asset").asText(DEFAULT_ASSET);
        List<ObjectNode> features = payload.features();
        if (features.isEmpty()) {
            throw new InvalidInput("the payload has no items to describe");
        }
        List<ObjectNode> items = new ArrayList<>();
        for (ObjectNode feature : features) {
            SourceRaster source = SourceRaster.load(feature, assetKey, context.blobs());
            Optional<Instant> itemTime = datetime(feature);
            if (source.tiff().datetime().isEmpty() && itemTime.isEmpty()) {
                throw new InvalidInput(
                        "item "
                                + feature.path("id").asText()
                                + ": no datetime: "
                                + source.url()
                                + " has no DateTime tag and the item no properties.datetime");
            }
            items.add(StacItem.of(feature, assetKey, source.tiff(), itemTime));
        }
        return payload.withFeatures(items);
    }

    private static Optional<Instant> datetime(ObjectNode feature) {
        JsonNode value = feature.path("properties").path("datetime");
        if (!value.isTextual()) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(value.asText()).toInstant());
        } catch (DateTimeParseException e) {
            throw new InvalidInput(
                    "item "
                            + feature.path("id").asText()
                            + ": properties.datetime '"
                            + value.asText()
                            + "' is not an RFC 3339 date-time");
        }
    }
}
