package cirrus.example.geotiff.tiff;

import java.util.Arrays;
import java.util.Objects;

/**
 * One entry of an image file directory, its values decoded: integer types as {@code long}s,
 * rationals and floating-point types as {@code double}s, ASCII as text.
 *
 * @param tag the tag number
 * @param type the TIFF field type (1 BYTE … 18 IFD8)
 * @param numbers the values of a numeric field (empty for ASCII)
 * @param text the value of an ASCII field without its trailing NUL (empty otherwise)
 */
public record TiffField(int tag, int type, double[] numbers, String text) {
    public TiffField {
        numbers = numbers.clone();
        Objects.requireNonNull(text, "text");
    }

    /** The number of values. */
    public int count() {
        return numbers.length;
    }

    /** Value {@code i} as a long (integer fields). */
    public long longAt(int i) {
        return (long) numbers[i];
    }

    /** Value {@code i}. */
    public double at(int i) {
        return numbers[i];
    }

    /** A copy of the values. */
    @Override
    public double[] numbers() {
        return numbers.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TiffField f
                && f.tag == tag
                && f.type == type
                && Arrays.equals(f.numbers, numbers)
                && f.text.equals(text);
    }

    @Override
    public int hashCode() {
        return Objects.hash(tag, type, Arrays.hashCode(numbers), text);
    }

    @Override
    public String toString() {
        return "TiffField[" + tag + "=" + (text.isEmpty() ? Arrays.toString(numbers) : text) + "]";
    }
}
