package cirrus.example.geotiff.stac;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cirrus.example.geotiff.geo.Footprint;
import cirrus.example.geotiff.geo.GeoTiff;

/**
 * Turns a payload item that points at a GeoTIFF into a STAC 1.0.0 Item: geometry and bbox in
 * longitude/latitude, {@code datetime}, the projection extension's {@code proj:epsg}, {@code
 * proj:shape}, {@code proj:transform} and {@code proj:bbox}, and the data asset with its media
 * type, roles and the raster extension's band data types. Everything else the item had (other
 * properties, assets, links) is kept.
 */
public final class StacItem {
    public static final String STAC_VERSION = "1.0.0";
    public static final String PROJECTION_EXTENSION =
            "https://stac-extensions.github.io/projection/v1.1.0/schema.json";
    public static final String RASTER_EXTENSION =
            "https://stac-extensions.github.io/raster/v1.1.0/schema.json";
    public static final String GEOTIFF_MEDIA_TYPE = "image/tiff; application=geotiff";

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    /**
     * Where the item's collection document is, relative to the item: the collection folder of a
     * static catalog laid out as {@code <collection>/collection.json} next to the item folders.
     */
    static final String COLLECTION_HREF = "../collection.json";

    private StacItem() {}

    /**
     * The STAC item of {@code input}, whose asset {@code assetKey} is the GeoTIFF {@code tiff}.
     *
     * @param datetime the acquisition time when the file has none (the item's own, if any)
     */
    public static ObjectNode of(
            ObjectNode input, String assetKey, GeoTiff tiff, Optional<Instant> datetime) {
        ObjectNode item = JSON.objectNode();
        item.put("type", "Feature");
        item.put("stac_version", STAC_VERSION);
        ArrayNode extensions = item.putArray("stac_extensions");
        input.path("stac_extensions").forEach(e -> addOnce(extensions, e.asText()));
        addOnce(extensions, PROJECTION_EXTENSION);
        addOnce(extensions, RASTER_EXTENSION);
        item.set("id", input.get("id"));
        if (input.hasNonNull("collection")) {
            item.set("collection", input.get("collection"));
        }
        Footprint footprint = tiff.footprint();
        item.set("geometry", polygon(footprint.ring()));
        item.set("bbox", numbers(footprint.bbox()));

        ObjectNode properties = item.putObject("properties");
        if (input.path("properties").isObject()) {
            properties.setAll((ObjectNode) input.get("properties"));
        }
        Instant when = tiff.datetime().or(() -> datetime).orElseThrow();
        properties.put("datetime", DateTimeFormatter.ISO_INSTANT.format(when));
        properties.put("proj:epsg", tiff.projection().epsg());
        properties.set("proj:shape", JSON.arrayNode().add(tiff.height()).add(tiff.width()));
        properties.set("proj:transform", numbers(tiff.transform().stacTransform()));
        properties.set("proj:bbox", numbers(footprint.nativeBbox()));

        ArrayNode links =
                input.path("links").isArray()
                        ? ((ArrayNode) input.get("links")).deepCopy()
                        : JSON.arrayNode();
        if (item.hasNonNull("collection") && !hasRel(links, "collection")) {
            // STAC 1.0.0 (item schema): an item that names its collection links to it
            links.addObject()
                    .put("rel", "collection")
                    .put("href", COLLECTION_HREF)
                    .put("type", "application/json");
        }
        item.set("links", links);
        ObjectNode assets = item.putObject("assets");
        if (input.path("assets").isObject()) {
            assets.setAll((ObjectNode) input.get("assets"));
        }
        ObjectNode data = assets.putObject(assetKey);
        JsonNode original = input.path("assets").path(assetKey);
        data.setAll((ObjectNode) original);
        data.put("type", GEOTIFF_MEDIA_TYPE);
        if (!data.path("roles").isArray()) {
            data.putArray("roles").add("data");
        }
        ArrayNode bands = data.putArray("raster:bands");
        for (int b = 0; b < tiff.bands(); b++) {
            ObjectNode band = bands.addObject().put("data_type", tiff.dataType());
            tiff.nodata().ifPresent(v -> band.put("nodata", v));
        }
        return item;
    }

    private static boolean hasRel(ArrayNode links, String rel) {
        for (JsonNode l : links) {
            if (rel.equals(l.path("rel").asText())) {
                return true;
            }
        }
        return false;
    }

    private static void addOnce(ArrayNode array, String value) {
        for (JsonNode e : array) {
            if (e.asText().equals(value)) {
                return;
            }
        }
        array.add(value);
    }

    private static ObjectNode polygon(List<double[]> ring) {
        ObjectNode geometry = JSON.objectNode().put("type", "Polygon");
        ArrayNode outer = geometry.putArray("coordinates").addArray();
        ring.forEach(p -> outer.add(numbers(p)));
        return geometry;
    }

    private static ArrayNode numbers(double[] values) {
        ArrayNode array = JSON.arrayNode();
        for (double v : values) {
            array.add(v);
        }
        return array;
    }

    private static ArrayNode numbers(List<Double> values) {
        ArrayNode array = JSON.arrayNode();
        values.forEach(array::add);
        return array;
    }
}
