package cirrus.example.geotiff.samples;

import java.nio.ByteBuffer;
import java.util.Optional;

import cirrus.example.geotiff.tiff.TiffTag;

/**
 * One sample GeoTIFF of the example: its grid, coordinate system, data type and a smooth synthetic
 * pattern (hills and ridges) as pixel values.
 *
 * @param name the file name without {@code .tif}
 * @param epsg the EPSG code, 0 for a plain TIFF without georeferencing
 * @param width columns
 * @param height rows
 * @param bands samples per pixel
 * @param type the data type
 * @param originX model x of the upper-left corner
 * @param originY model y of the upper-left corner
 * @param pixelSize pixel size in model units
 * @param asMatrix georeference with ModelTransformation instead of tie point and pixel scale
 * @param datetime the DateTime tag ({@code YYYY:MM:DD HH:MM:SS}), if any
 * @param nodata the GDAL nodata value, if any; the lower-right eighth of the raster holds it
 * @param truncateTo cut the file to this many bytes (to simulate a broken copy), if set
 */
public record SampleRaster(
        String name,
        int epsg,
        int width,
        int height,
        int bands,
        DataType type,
        double originX,
        double originY,
        double pixelSize,
        boolean asMatrix,
        Optional<String> datetime,
        Optional<Double> nodata,
        Optional<Integer> truncateTo) {

    /** The sample types. */
    public enum DataType {
        UINT8(8, 1),
        UINT16(16, 1),
        FLOAT32(32, 3);

        final int bits;
        final int format;

        DataType(int bits, int format) {
            this.bits = bits;
            this.format = format;
        }
    }

    /** The file name. */
    public String fileName() {
        return name + ".tif";
    }

    /** The GeoTIFF file, uncompressed. */
    public byte[] toBytes() {
        return toBytes(false);
    }

    /** The GeoTIFF file, its strips Deflate-compressed when {@code deflate}. */
    public byte[] toBytes(boolean deflate) {
        int bytesPerSample = type.bits / 8;
        ByteBuffer pixels = TiffWriter.buffer(width * height * bands * bytesPerSample);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                for (int b = 0; b < bands; b++) {
                    double v = valueAt(x, y, b);
                    switch (type) {
                        case UINT8 -> pixels.put((byte) (int) v);
                        case UINT16 -> pixels.putShort((short) (int) v);
                        case FLOAT32 -> pixels.putFloat((float) v);
                    }
                }
            }
        }
        TiffWriter tiff = new TiffWriter();
        tiff.longs(TiffTag.IMAGE_WIDTH, width);
        tiff.longs(TiffTag.IMAGE_LENGTH, height);
        int[] bits = new int[bands];
        int[] formats = new int[bands];
        java.util.Arrays.fill(bits, type.bits);
        java.util.Arrays.fill(formats, type.format);
        tiff.shorts(TiffTag.BITS_PER_SAMPLE, bits);
        tiff.shorts(TiffTag.COMPRESSION, deflate ? 8 : 1);
        tiff.shorts(TiffTag.PHOTOMETRIC, bands >= 3 ? 2 : 1);
        tiff.shorts(TiffTag.SAMPLES_PER_PIXEL, bands);
        tiff.shorts(TiffTag.PLANAR_CONFIGURATION, 1);
        tiff.shorts(TiffTag.SAMPLE_FORMAT, formats);
        datetime.ifPresent(d -> tiff.ascii(TiffTag.DATE_TIME, d));
        nodata.ifPresent(v -> tiff.ascii(TiffTag.GDAL_NODATA, formatNodata(v)));
        if (epsg != 0) {
            georeference(tiff);
        }
        byte[] file =
                tiff.write(
                        width,
                        height,
                        bands * bytesPerSample,
                        pixels.array(),
                        rowsPerStrip(),
                        deflate);
        return truncateTo.map(n -> java.util.Arrays.copyOf(file, n)).orElse(file);
    }

    private void georeference(TiffWriter tiff) {
        if (asMatrix) {
            tiff.doubles(
                    TiffTag.MODEL_TRANSFORMATION,
                    pixelSize,
                    0,
                    0,
                    originX,
                    0,
                    -pixelSize,
                    0,
                    originY,
                    0,
                    0,
                    0,
                    0,
                    0,
                    0,
                    0,
                    1);
        } else {
            tiff.doubles(TiffTag.MODEL_PIXEL_SCALE, pixelSize, pixelSize, 0);
            tiff.doubles(TiffTag.MODEL_TIEPOINT, 0, 0, 0, originX, originY, 0);
        }
        boolean geographic = epsg == 4326;
        tiff.shorts(
                TiffTag.GEO_KEY_DIRECTORY,
                1,
                1,
                0,
                3,
                1024,
                0,
                1,
                geographic ? 2 : 1, // GTModelTypeGeoKey
                1025,
                0,
                1,
                1, // GTRasterTypeGeoKey: PixelIsArea
                geographic ? 2048 : 3072,
                0,
                1,
                epsg);
    }

    private int rowsPerStrip() {
        int rowBytes = width * bands * type.bits / 8;
        return Math.max(1, Math.min(height, 8192 / rowBytes));
    }

    private static String formatNodata(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    /** The synthetic value of band {@code b} at pixel {@code (x, y)}. */
    public double valueAt(int x, int y, int b) {
        if (nodata.isPresent() && x >= width * 3 / 4 && y >= height / 2) {
            return nodata.get();
        }
        double u = x / (double) width;
        double v = y / (double) height;
        double hills =
                0.5
                        + 0.3
                                * Math.sin(2 * Math.PI * (1.5 * u + 0.3 * b))
                                * Math.cos(2 * Math.PI * (1.2 * v - 0.2 * b))
                        + 0.2 * Math.sin(2 * Math.PI * 4 * (u + v));
        hills = Math.max(0, Math.min(1, hills));
        return switch (type) {
            case UINT8 -> Math.round(hills * 255);
            case UINT16 -> Math.round(800 + hills * 2400); // reflectance-like, far from 0..65535
            case FLOAT32 -> 250.0 + hills * 1250.0; // heights in metres
        };
    }
}
