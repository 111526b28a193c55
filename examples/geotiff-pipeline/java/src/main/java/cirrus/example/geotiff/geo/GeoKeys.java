package cirrus.example.geotiff.geo;

import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;

import cirrus.example.geotiff.tiff.TiffDirectory;
import cirrus.example.geotiff.tiff.TiffField;
import cirrus.example.geotiff.tiff.TiffFormatException;
import cirrus.example.geotiff.tiff.TiffTag;

/**
 * The short-valued keys of a GeoTIFF's GeoKeyDirectory (tag 34735): a header {@code (version,
 * revision, minor, count)} then {@code count} entries {@code (key, location, count, value)}, where
 * location 0 means the value is the short itself. Double- and ASCII-valued keys are not needed for
 * an EPSG code and are left out.
 *
 * @param keys the inline short values by key id
 */
public record GeoKeys(Map<Integer, Integer> keys) {
    public static final int MODEL_TYPE = 1024;
    public static final int RASTER_TYPE = 1025;
    public static final int GEOGRAPHIC_TYPE = 2048;
    public static final int PROJECTED_CS_TYPE = 3072;

    public static final int MODEL_PROJECTED = 1;
    public static final int MODEL_GEOGRAPHIC = 2;
    public static final int RASTER_PIXEL_IS_POINT = 2;
    private static final int USER_DEFINED = 32767;

    public GeoKeys {
        keys = Map.copyOf(keys);
    }

    /**
     * The keys of the directory.
     *
     * @throws TiffFormatException when there is no GeoKeyDirectory or it is damaged
     */
    public static GeoKeys of(TiffDirectory dir) throws TiffFormatException {
        TiffField field =
                dir.field(TiffTag.GEO_KEY_DIRECTORY)
                        .orElseThrow(
                                () ->
                                        new TiffFormatException(
                                                "a TIFF but not a GeoTIFF: it has no"
                                                        + " GeoKeyDirectory tag (34735)"));
        if (field.count() < 4 || field.longAt(0) != 1) {
            throw new TiffFormatException("damaged GeoTIFF: the GeoKeyDirectory has no header");
        }
        int count = (int) field.longAt(3);
        if (field.count() < 4 + 4 * count) {
            throw new TiffFormatException(
                    "damaged GeoTIFF: the GeoKeyDirectory announces "
                            + count
                            + " keys but holds "
                            + (field.count() - 4) / 4);
        }
        Map<Integer, Integer> keys = new HashMap<>();
        for (int i = 0; i < count; i++) {
            int at = 4 + 4 * i;
            if (field.longAt(at + 1) == 0) {
                keys.put((int) field.longAt(at), (int) field.longAt(at + 3));
            }
        }
        return new GeoKeys(keys);
    }

    /** The value of a short key, if present. */
    public OptionalInt get(int key) {
        Integer v = keys.get(key);
        return v == null ? OptionalInt.empty() : OptionalInt.of(v);
    }

    /** Whether raster coordinates name pixel centres (PixelIsPoint) rather than areas. */
    public boolean pixelIsPoint() {
        return get(RASTER_TYPE).orElse(1) == RASTER_PIXEL_IS_POINT;
    }

    /**
     * The EPSG code of the coordinate system: ProjectedCSTypeGeoKey for a projected model,
     * GeographicTypeGeoKey for a geographic one.
     *
     * @throws TiffFormatException when the file has no EPSG code (a user-defined system)
     */
    public int epsg() throws TiffFormatException {
        int model = get(MODEL_TYPE).orElse(0);
        OptionalInt code =
                switch (model) {
                    case MODEL_PROJECTED -> get(PROJECTED_CS_TYPE);
                    case MODEL_GEOGRAPHIC -> get(GEOGRAPHIC_TYPE);
                    default -> {
                        OptionalInt projected = get(PROJECTED_CS_TYPE);
                        yield projected.isPresent() ? projected : get(GEOGRAPHIC_TYPE);
                    }
                };
        if (code.isEmpty() || code.getAsInt() == USER_DEFINED || code.getAsInt() == 0) {
            throw new TiffFormatException(
                    "the GeoTIFF's coordinate system has no EPSG code (model type "
                            + model
                            + "; user-defined systems are not supported)");
        }
        return code.getAsInt();
    }
}
