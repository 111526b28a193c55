package cirrus.example.geotiff.geo;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;

import cirrus.example.geotiff.tiff.TiffDirectory;
import cirrus.example.geotiff.tiff.TiffField;
import cirrus.example.geotiff.tiff.TiffFormatException;
import cirrus.example.geotiff.tiff.TiffReader;
import cirrus.example.geotiff.tiff.TiffTag;

/**
 * What the header of a GeoTIFF says about its raster: size, bands and data type, coordinate system,
 * pixel grid, acquisition time and nodata value.
 *
 * @param directory the decoded first image file directory (for the pixel reader)
 * @param width columns
 * @param height rows
 * @param bands samples per pixel
 * @param bitsPerSample bits of one sample (the first band's)
 * @param sampleFormat 1 unsigned integer, 2 signed integer, 3 floating point
 * @param projection the coordinate system
 * @param transform pixel → model coordinates (pixel (0, 0) = outer corner)
 * @param datetime the TIFF DateTime tag read as UTC, if present
 * @param nodata GDAL's nodata value (tag 42113), if present
 */
public record GeoTiff(
        TiffDirectory directory,
        int width,
        int height,
        int bands,
        int bitsPerSample,
        int sampleFormat,
        Projection projection,
        AffineTransform transform,
        Optional<Instant> datetime,
        Optional<Double> nodata) {
    private static final DateTimeFormatter TIFF_TIME =
            DateTimeFormatter.ofPattern("uuuu:MM:dd HH:mm:ss");

    public GeoTiff {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(projection, "projection");
        Objects.requireNonNull(transform, "transform");
        Objects.requireNonNull(datetime, "datetime");
        Objects.requireNonNull(nodata, "nodata");
    }

    /**
     * Reads the header of a GeoTIFF file.
     *
     * @throws TiffFormatException when the file is not a GeoTIFF this example understands; the
     *     message says why in one line
     */
    public static GeoTiff read(byte[] file) throws TiffFormatException {
        TiffDirectory dir = TiffReader.read(file);
        int width = (int) dir.required(TiffTag.IMAGE_WIDTH, "ImageWidth").longAt(0);
        int height = (int) dir.required(TiffTag.IMAGE_LENGTH, "ImageLength").longAt(0);
        if (width <= 0 || height <= 0) {
            throw new TiffFormatException("the raster is empty: " + width + "x" + height);
        }
        int bands = (int) dir.integer(TiffTag.SAMPLES_PER_PIXEL, 1);
        int bits = (int) dir.integer(TiffTag.BITS_PER_SAMPLE, 1);
        int format = (int) dir.integer(TiffTag.SAMPLE_FORMAT, 1);
        GeoKeys keys = GeoKeys.of(dir);
        int epsg = keys.epsg();
        Projection projection =
                Projection.ofEpsg(epsg)
                        .orElseThrow(
                                () ->
                                        new TiffFormatException(
                                                "EPSG:"
                                                        + epsg
                                                        + " is not supported (this example reads"
                                                        + " EPSG:4326, EPSG:3857 and the UTM zones"
                                                        + " EPSG:326xx/327xx)"));
        AffineTransform transform = transform(dir);
        if (keys.pixelIsPoint()) {
            transform = transform.shifted(-0.5, -0.5);
        }
        return new GeoTiff(
                dir,
                width,
                height,
                bands,
                bits,
                format,
                projection,
                transform,
                datetime(dir),
                nodata(dir));
    }

    private static AffineTransform transform(TiffDirectory dir) throws TiffFormatException {
        Optional<TiffField> matrix = dir.field(TiffTag.MODEL_TRANSFORMATION);
        if (matrix.isPresent()) {
            TiffField m = matrix.get();
            if (m.count() != 16) {
                throw new TiffFormatException(
                        "damaged GeoTIFF: ModelTransformation has "
                                + m.count()
                                + " values, not 16");
            }
            return new AffineTransform(m.at(0), m.at(1), m.at(3), m.at(4), m.at(5), m.at(7));
        }
        Optional<TiffField> tie = dir.field(TiffTag.MODEL_TIEPOINT);
        Optional<TiffField> scale = dir.field(TiffTag.MODEL_PIXEL_SCALE);
        if (tie.isEmpty() || scale.isEmpty()) {
            throw new TiffFormatException(
                    "the GeoTIFF is not georeferenced: it has neither ModelTransformation (34264)"
                            + " nor ModelTiepoint (33922) with ModelPixelScale (33550)");
        }
        TiffField t = tie.get();
        TiffField s = scale.get();
        if (t.count() < 6 || s.count() < 2) {
            throw new TiffFormatException(
                    "damaged GeoTIFF: ModelTiepoint needs 6 values and ModelPixelScale 3");
        }
        if (s.at(0) <= 0 || s.at(1) <= 0) {
            throw new TiffFormatException(
                    "damaged GeoTIFF: ModelPixelScale must be positive, not "
                            + s.at(0)
                            + ", "
                            + s.at(1));
        }
        return AffineTransform.ofTiePoint(t.at(0), t.at(1), t.at(3), t.at(4), s.at(0), s.at(1));
    }

    private static Optional<Instant> datetime(TiffDirectory dir) throws TiffFormatException {
        Optional<String> text = dir.text(TiffTag.DATE_TIME);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(
                    LocalDateTime.parse(text.get().trim(), TIFF_TIME).toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException e) {
            throw new TiffFormatException(
                    "the DateTime tag (306) '"
                            + text.get()
                            + "' is not in the TIFF form YYYY:MM:DD HH:MM:SS");
        }
    }

    private static Optional<Double> nodata(TiffDirectory dir) {
        return dir.text(TiffTag.GDAL_NODATA)
                .flatMap(
                        t -> {
                            try {
                                return Optional.of(Double.parseDouble(t.trim()));
                            } catch (NumberFormatException e) {
                                return Optional.empty();
                            }
                        });
    }

    /** The STAC raster extension's name of the data type ({@code uint16}, {@code float32}, …). */
    public String dataType() {
        String kind =
                switch (sampleFormat) {
                    case 2 -> "int";
                    case 3 -> "float";
                    default -> "uint";
                };
        return kind + bitsPerSample;
    }

    /** The footprint of the raster in longitude/latitude. */
    public Footprint footprint() {
        return Footprint.of(this);
    }
}
