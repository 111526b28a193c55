package cirrus.example.geotiff.tiff;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads the header and the first image file directory of a classic TIFF (TIFF 6.0) or a BigTIFF
 * from its bytes. Only the directory is decoded, never the pixels: that is all a STAC item needs.
 */
public final class TiffReader {
    private static final int CLASSIC = 42;
    private static final int BIG = 43;
    private static final int MAX_FIELDS = 4096;

    private final ByteBuffer bytes;
    private final boolean big;

    private TiffReader(ByteBuffer bytes, boolean big) {
        this.bytes = bytes;
        this.big = big;
    }

    /**
     * The first directory of {@code file}.
     *
     * @throws TiffFormatException when the bytes are not a TIFF or the directory is damaged
     */
    public static TiffDirectory read(byte[] file) throws TiffFormatException {
        if (file.length < 8) {
            throw new TiffFormatException(
                    "not a TIFF file: " + file.length + " bytes, shorter than a TIFF header");
        }
        ByteOrder order;
        if (file[0] == 'I' && file[1] == 'I') {
            order = ByteOrder.LITTLE_ENDIAN;
        } else if (file[0] == 'M' && file[1] == 'M') {
            order = ByteOrder.BIG_ENDIAN;
        } else {
            throw new TiffFormatException(
                    "not a TIFF file: it does not start with the byte order mark II or MM");
        }
        ByteBuffer buffer = ByteBuffer.wrap(file).order(order);
        int version = Short.toUnsignedInt(buffer.getShort(2));
        if (version != CLASSIC && version != BIG) {
            throw new TiffFormatException(
                    "not a TIFF file: version " + version + " where TIFF has 42 (BigTIFF 43)");
        }
        TiffReader reader = new TiffReader(buffer, version == BIG);
        long first = reader.big ? reader.offset8(8, "the first directory offset") : reader.u32(4);
        return new TiffDirectory(order, reader.directory(first), file.length);
    }

    private Map<Integer, TiffField> directory(long offset) throws TiffFormatException {
        int entrySize = big ? 20 : 12;
        long count = big ? offset8(check(offset, 8), "the field count") : u16(check(offset, 2));
        if (count == 0 || count > MAX_FIELDS) {
            throw new TiffFormatException(
                    "damaged TIFF: the first directory claims " + count + " fields");
        }
        long start = offset + (big ? 8 : 2);
        check(start, count * entrySize);
        Map<Integer, TiffField> fields = new HashMap<>();
        for (int i = 0; i < count; i++) {
            long entry = start + (long) i * entrySize;
            int tag = u16(entry);
            int type = u16(entry + 2);
            long n = big ? offset8(entry + 4, "a value count") : u32(entry + 4);
            int size = typeSize(type);
            if (size == 0) {
                continue; // unknown types are skipped, as TIFF readers must
            }
            long length = n * size;
            long valueAt;
            if (length <= (big ? 8 : 4)) {
                valueAt = entry + (big ? 12 : 8);
            } else {
                valueAt = big ? offset8(entry + 12, "a value offset") : u32(entry + 8);
                check(valueAt, length, tag);
            }
            fields.put(tag, field(tag, type, (int) n, valueAt));
        }
        return fields;
    }

    private TiffField field(int tag, int type, int n, long at) {
        if (type == 2) {
            byte[] text = new byte[n];
            bytes.get((int) at, text);
            String s = new String(text, StandardCharsets.ISO_8859_1);
            int nul = s.indexOf('\0');
            return new TiffField(tag, type, new double[0], nul >= 0 ? s.substring(0, nul) : s);
        }
        double[] values = new double[n];
        int size = typeSize(type);
        for (int i = 0; i < n; i++) {
            values[i] = number(type, (int) at + i * size);
        }
        return new TiffField(tag, type, values, "");
    }

    private double number(int type, int at) {
        return switch (type) {
            case 1, 7 -> Byte.toUnsignedInt(bytes.get(at));
            case 6 -> bytes.get(at);
            case 3 -> Short.toUnsignedInt(bytes.getShort(at));
            case 8 -> bytes.getShort(at);
            case 4, 13 -> Integer.toUnsignedLong(bytes.getInt(at));
            case 9 -> bytes.getInt(at);
            case 5 ->
                    (double) Integer.toUnsignedLong(bytes.getInt(at))
                            / Integer.toUnsignedLong(bytes.getInt(at + 4));
            case 10 -> (double) bytes.getInt(at) / bytes.getInt(at + 4);
            case 11 -> bytes.getFloat(at);
            case 12 -> bytes.getDouble(at);
            case 16, 18 -> (double) bytes.getLong(at);
            case 17 -> (double) bytes.getLong(at);
            default -> Double.NaN;
        };
    }

    private static int typeSize(int type) {
        return switch (type) {
            case 1, 2, 6, 7 -> 1;
            case 3, 8 -> 2;
            case 4, 9, 11, 13 -> 4;
            case 5, 10, 12, 16, 17, 18 -> 8;
            default -> 0;
        };
    }

    private int u16(long at) {
        return Short.toUnsignedInt(bytes.getShort((int) at));
    }

    private long u32(long at) {
        return Integer.toUnsignedLong(bytes.getInt((int) at));
    }

    private long offset8(long at, String what) throws TiffFormatException {
        check(at, 8);
        long v = bytes.getLong((int) at);
        if (v < 0) {
            throw new TiffFormatException("damaged TIFF: " + what + " is out of range");
        }
        return v;
    }

    private long check(long at, long length) throws TiffFormatException {
        if (at < 0 || length < 0 || at + length > bytes.capacity()) {
            throw new TiffFormatException(
                    "damaged TIFF: the directory at byte "
                            + at
                            + " lies beyond the end of the file ("
                            + bytes.capacity()
                            + " bytes)");
        }
        return at;
    }

    private void check(long at, long length, int tag) throws TiffFormatException {
        if (at < 0 || length < 0 || at + length > bytes.capacity()) {
            throw new TiffFormatException(
                    "damaged TIFF: the values of tag "
                            + tag
                            + " (bytes "
                            + at
                            + ".."
                            + (at + length)
                            + ") lie beyond the end of the file ("
                            + bytes.capacity()
                            + " bytes)");
        }
    }
}
