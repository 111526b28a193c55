package cirrus.example.geotiff.tiff;

import java.nio.ByteOrder;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The first image file directory of a TIFF: its fields by tag, with the byte order of the file.
 *
 * @param order the file's byte order
 * @param fields the fields by tag number
 * @param fileLength the length of the whole file in bytes
 */
public record TiffDirectory(ByteOrder order, Map<Integer, TiffField> fields, long fileLength) {
    public TiffDirectory {
        fields = Map.copyOf(new TreeMap<>(fields));
    }

    /** The field of {@code tag}, if present. */
    public Optional<TiffField> field(int tag) {
        return Optional.ofNullable(fields.get(tag));
    }

    /** The field of {@code tag}, or an error naming it. */
    public TiffField required(int tag, String name) throws TiffFormatException {
        TiffField f = fields.get(tag);
        if (f == null || f.count() == 0 && f.text().isEmpty()) {
            throw new TiffFormatException(
                    "the required TIFF tag " + name + " (" + tag + ") is missing");
        }
        return f;
    }

    /** The first value of an integer field, or {@code fallback} when absent. */
    public long integer(int tag, long fallback) {
        TiffField f = fields.get(tag);
        return f == null || f.count() == 0 ? fallback : f.longAt(0);
    }

    /** The text of an ASCII field, if present. */
    public Optional<String> text(int tag) {
        return field(tag).map(TiffField::text).filter(t -> !t.isEmpty());
    }
}
