package cirrus.example.geotiff.preview;

import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

import cirrus.example.geotiff.geo.GeoTiff;
import cirrus.example.geotiff.tiff.TiffDirectory;
import cirrus.example.geotiff.tiff.TiffField;
import cirrus.example.geotiff.tiff.TiffFormatException;
import cirrus.example.geotiff.tiff.TiffTag;
import cirrus.runtime.task.InvalidInput;

/**
 * The pixel storage of a GeoTIFF: strips or tiles, pixel-interleaved or one plane per band,
 * uncompressed or Deflate (without predictor). Reads single samples; each block is decoded once,
 * when first needed.
 */
final class PixelBlocks {
    private final byte[] file;
    private final GeoTiff tiff;
    private final boolean planar;
    private final int blockWidth;
    private final int blockHeight;
    private final int across;
    private final int down;
    private final long[] offsets;
    private final long[] counts;
    private final int compression;
    private final int bytesPerSample;
    private final String kind;
    private final byte[][] decoded;
    private final boolean little;

    PixelBlocks(byte[] file, GeoTiff tiff) throws TiffFormatException {
        this.file = file;
        this.tiff = tiff;
        TiffDirectory dir = tiff.directory();
        this.little = dir.order() == ByteOrder.LITTLE_ENDIAN;
        this.planar = dir.integer(TiffTag.PLANAR_CONFIGURATION, 1) == 2;
        boolean tiled = dir.field(TiffTag.TILE_OFFSETS).isPresent();
        if (tiled) {
            blockWidth = (int) dir.required(TiffTag.TILE_WIDTH, "TileWidth").longAt(0);
            blockHeight = (int) dir.required(TiffTag.TILE_LENGTH, "TileLength").longAt(0);
            offsets = longs(dir.required(TiffTag.TILE_OFFSETS, "TileOffsets"));
            counts = longs(dir.required(TiffTag.TILE_BYTE_COUNTS, "TileByteCounts"));
        } else {
            blockWidth = tiff.width();
            blockHeight =
                    (int)
                            Math.min(
                                    dir.integer(TiffTag.ROWS_PER_STRIP, tiff.height()),
                                    tiff.height());
            offsets = longs(dir.required(TiffTag.STRIP_OFFSETS, "StripOffsets"));
            counts = longs(dir.required(TiffTag.STRIP_BYTE_COUNTS, "StripByteCounts"));
        }
        this.kind = tiled ? "tile" : "strip";
        this.across = ceilDiv(tiff.width(), blockWidth);
        this.down = ceilDiv(tiff.height(), blockHeight);
        int expected = across * down * (planar ? tiff.bands() : 1);
        if (offsets.length < expected || counts.length < expected) {
            throw new TiffFormatException(
                    "damaged GeoTIFF: "
                            + expected
                            + " "
                            + kind
                            + "s expected, "
                            + offsets.length
                            + " offsets and "
                            + counts.length
                            + " byte counts found");
        }
        this.compression = (int) dir.integer(TiffTag.COMPRESSION, 1);
        if (compression != 1 && compression != 8 && compression != 32946) {
            throw new InvalidInput(
                    "TIFF compression "
                            + compression
                            + " is not supported for previews (only none (1) and Deflate (8))");
        }
        if (dir.integer(TiffTag.PREDICTOR, 1) != 1) {
            throw new InvalidInput("TIFF predictors are not supported for previews");
        }
        int bits = tiff.bitsPerSample();
        if (bits != 8 && bits != 16 && bits != 32 && bits != 64
                || tiff.sampleFormat() == 3 && bits < 32) {
            throw new InvalidInput(tiff.dataType() + " samples are not supported for previews");
        }
        this.bytesPerSample = bits / 8;
        this.decoded = new byte[offsets.length][];
    }

    /** Sample {@code band} of pixel {@code (col, row)} as a double. */
    double sample(int col, int row, int band) {
        int bx = col / blockWidth;
        int by = row / blockHeight;
        int block = by * across + bx + (planar ? band * across * down : 0);
        byte[] data = block(block);
        int samplesPerPixel = planar ? 1 : tiff.bands();
        int x = col - bx * blockWidth;
        int y = row - by * blockHeight;
        int at = ((y * blockWidth + x) * samplesPerPixel + (planar ? 0 : band)) * bytesPerSample;
        if (at + bytesPerSample > data.length) {
            throw new CorruptRasterException(
                    kind
                            + " "
                            + block
                            + " decodes to "
                            + data.length
                            + " bytes, too few for its pixels: the GeoTIFF is damaged");
        }
        return value(data, at);
    }

    private byte[] block(int index) {
        byte[] data = decoded[index];
        if (data == null) {
            data = decode(index);
            decoded[index] = data;
        }
        return data;
    }

    private byte[] decode(int index) {
        long start = offsets[index];
        long end = start + counts[index];
        if (start < 0 || end > file.length) {
            throw new CorruptRasterException(
                    "the GeoTIFF is truncated: "
                            + kind
                            + " "
                            + index
                            + " needs bytes "
                            + start
                            + ".."
                            + end
                            + " but the file has "
                            + file.length
                            + " bytes");
        }
        if (compression == 1) {
            byte[] raw = new byte[(int) (end - start)];
            System.arraycopy(file, (int) start, raw, 0, raw.length);
            return raw;
        }
        int size = blockWidth * blockHeight * (planar ? 1 : tiff.bands()) * bytesPerSample;
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(file, (int) start, (int) (end - start));
            byte[] out = new byte[size];
            int n = 0;
            while (n < size && !inflater.finished() && !inflater.needsInput()) {
                n += inflater.inflate(out, n, size - n);
            }
            return n == size ? out : Arrays.copyOf(out, n);
        } catch (DataFormatException e) {
            throw new CorruptRasterException(
                    kind + " " + index + " is not valid Deflate data: " + e.getMessage());
        } finally {
            inflater.end();
        }
    }

    private double value(byte[] d, int at) {
        long bits = 0;
        for (int i = 0; i < bytesPerSample; i++) {
            int b = d[at + (little ? i : bytesPerSample - 1 - i)] & 0xff;
            bits |= (long) b << (8 * i);
        }
        return switch (tiff.sampleFormat()) {
            case 3 ->
                    bytesPerSample == 4
                            ? Float.intBitsToFloat((int) bits)
                            : Double.longBitsToDouble(bits);
            case 2 -> (double) (bits << (64 - 8 * bytesPerSample) >> (64 - 8 * bytesPerSample));
            default -> (double) bits;
        };
    }

    private static long[] longs(TiffField f) {
        long[] out = new long[f.count()];
        for (int i = 0; i < out.length; i++) {
            out[i] = f.longAt(i);
        }
        return out;
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }
}
