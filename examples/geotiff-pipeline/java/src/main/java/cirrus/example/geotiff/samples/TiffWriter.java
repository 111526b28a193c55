package cirrus.example.geotiff.samples;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.zip.Deflater;

import cirrus.example.geotiff.tiff.TiffTag;

/**
 * Writes a little-endian classic TIFF with one pixel-interleaved image in strips (uncompressed or
 * Deflate), plus whatever extra fields (GeoTIFF tags, DateTime, GDAL nodata) the caller adds.
 */
final class TiffWriter {
    static final int SHORT = 3;
    static final int LONG = 4;
    static final int DOUBLE = 12;
    static final int ASCII = 2;

    private record Entry(int tag, int type, int count, byte[] value) {}

    private final List<Entry> entries = new ArrayList<>();

    void shorts(int tag, int... values) {
        ByteBuffer b = buffer(values.length * 2);
        for (int v : values) {
            b.putShort((short) v);
        }
        entries.add(new Entry(tag, SHORT, values.length, b.array()));
    }

    void longs(int tag, long... values) {
        ByteBuffer b = buffer(values.length * 4);
        for (long v : values) {
            b.putInt((int) v);
        }
        entries.add(new Entry(tag, LONG, values.length, b.array()));
    }

    void doubles(int tag, double... values) {
        ByteBuffer b = buffer(values.length * 8);
        for (double v : values) {
            b.putDouble(v);
        }
        entries.add(new Entry(tag, DOUBLE, values.length, b.array()));
    }

    void ascii(int tag, String text) {
        byte[] bytes = (text + "\0").getBytes(StandardCharsets.US_ASCII);
        entries.add(new Entry(tag, ASCII, bytes.length, bytes));
    }

    /**
     * The file, laid out as cloud-optimised GeoTIFFs are: header, directory, out-of-line field
     * values, then the pixel data in strips of {@code rowsPerStrip} rows, so the header can be read
     * from the start of the file alone.
     *
     * @param pixels the pixel-interleaved samples, row by row, little-endian
     */
    byte[] write(
            int width,
            int height,
            int bytesPerPixel,
            byte[] pixels,
            int rowsPerStrip,
            boolean deflate) {
        int strips = (height + rowsPerStrip - 1) / rowsPerStrip;
        int rowBytes = width * bytesPerPixel;
        List<byte[]> data = new ArrayList<>();
        for (int s = 0; s < strips; s++) {
            int from = s * rowsPerStrip * rowBytes;
            int to = Math.min(pixels.length, from + rowsPerStrip * rowBytes);
            byte[] strip = Arrays.copyOfRange(pixels, from, to);
            data.add(deflate ? deflate(strip) : strip);
        }
        shorts(TiffTag.ROWS_PER_STRIP, rowsPerStrip);
        longs(TiffTag.STRIP_OFFSETS, new long[strips]);
        longs(TiffTag.STRIP_BYTE_COUNTS, new long[strips]);
        entries.sort(Comparator.comparingInt(Entry::tag));

        int dirSize = 2 + entries.size() * 12 + 4;
        int extraSize = 0;
        for (Entry e : entries) {
            if (e.value.length > 4) {
                extraSize += e.value.length + (e.value.length & 1);
            }
        }
        int pixelStart = 8 + dirSize + extraSize;
        long[] offsets = new long[strips];
        long[] counts = new long[strips];
        long at = pixelStart;
        for (int s = 0; s < strips; s++) {
            offsets[s] = at;
            counts[s] = data.get(s).length;
            at += counts[s];
        }
        replace(TiffTag.STRIP_OFFSETS, offsets);
        replace(TiffTag.STRIP_BYTE_COUNTS, counts);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteBuffer header = buffer(8);
        header.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(8);
        out.writeBytes(header.array());
        ByteBuffer dir = buffer(dirSize);
        ByteArrayOutputStream extra = new ByteArrayOutputStream();
        dir.putShort((short) entries.size());
        for (Entry e : entries) {
            dir.putShort((short) e.tag).putShort((short) e.type).putInt(e.count);
            if (e.value.length <= 4) {
                byte[] inline = new byte[4];
                System.arraycopy(e.value, 0, inline, 0, e.value.length);
                dir.put(inline);
            } else {
                dir.putInt(8 + dirSize + extra.size());
                extra.writeBytes(e.value);
                if ((e.value.length & 1) == 1) {
                    extra.write(0);
                }
            }
        }
        dir.putInt(0);
        out.writeBytes(dir.array());
        out.writeBytes(extra.toByteArray());
        data.forEach(out::writeBytes);
        return out.toByteArray();
    }

    private static byte[] deflate(byte[] raw) {
        Deflater deflater = new Deflater();
        try {
            deflater.setInput(raw);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] chunk = new byte[8192];
            while (!deflater.finished()) {
                out.write(chunk, 0, deflater.deflate(chunk));
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    private void replace(int tag, long[] values) {
        entries.removeIf(e -> e.tag == tag);
        longs(tag, values);
        entries.sort(Comparator.comparingInt(Entry::tag));
    }

    static ByteBuffer buffer(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }
}
