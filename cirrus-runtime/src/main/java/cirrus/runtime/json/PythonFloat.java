package cirrus.runtime.json;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Python's {@code repr(float)}, which is what its {@code json} module writes for every float: the
 * shortest decimal that reads back as the same double ({@code 30.0}, {@code 400000.0}, {@code
 * 0.1}), in exponent form outside {@code 1e-4 <= |x| < 1e16} ({@code 1e+300}, {@code 1.5e-05}).
 *
 * <p>Java 17's {@code Double.toString} is not always the shortest (JDK-4511638, fixed in Java 19),
 * so its digits are used only when they are provably the shortest (15 significant digits or fewer
 * of a normal double: such decimals never share a double); otherwise, and for subnormals (fewer
 * bits, so {@code 4.9E-324} is {@code 5e-324}), the shortest is searched for.
 */
public final class PythonFloat {
    private static final int FIFTEEN_DIGITS = 15;
    private static final int MAX_DIGITS = 17;

    private PythonFloat() {}

    /** {@code repr(d)} as Python's {@code json.dumps} writes it (NaN and infinities included). */
    public static String repr(double d) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "Infinity" : "-Infinity";
        }
        if (d == 0) {
            return Double.doubleToRawLongBits(d) < 0 ? "-0.0" : "0.0";
        }
        BigDecimal shortest = shortest(d).stripTrailingZeros();
        int exponent = shortest.precision() - shortest.scale() - 1;
        if (exponent < -4 || exponent >= 16) {
            String digits = shortest.unscaledValue().abs().toString();
            StringBuilder s = new StringBuilder(d < 0 ? "-" : "");
            s.append(digits.charAt(0));
            if (digits.length() > 1) {
                s.append('.').append(digits, 1, digits.length());
            }
            s.append('e').append(exponent < 0 ? '-' : '+');
            String exp = Integer.toString(Math.abs(exponent));
            s.append(exp.length() < 2 ? "0" + exp : exp);
            return s.toString();
        }
        String plain = shortest.toPlainString();
        return plain.contains(".") ? plain : plain + ".0";
    }

    /** The shortest decimal that reads back as {@code d}; the nearest one of that length. */
    static BigDecimal shortest(double d) {
        BigDecimal java = new BigDecimal(Double.toString(d)).stripTrailingZeros();
        if (java.precision() <= FIFTEEN_DIGITS && Math.abs(d) >= Double.MIN_NORMAL) {
            return java;
        }
        BigDecimal exact = new BigDecimal(d);
        for (int digits = 1; digits < MAX_DIGITS; digits++) {
            BigDecimal nearest = exact.round(new MathContext(digits, RoundingMode.HALF_EVEN));
            if (nearest.doubleValue() == d) {
                return nearest;
            }
            // next to a power of two the doubles below are twice as dense as those above, so
            // the other neighbour of this length may read back when the nearest does not
            RoundingMode other =
                    nearest.abs().compareTo(exact.abs()) < 0 ? RoundingMode.UP : RoundingMode.DOWN;
            BigDecimal neighbour = exact.round(new MathContext(digits, other));
            if (neighbour.doubleValue() == d) {
                return neighbour;
            }
        }
        return exact.round(new MathContext(MAX_DIGITS, RoundingMode.HALF_EVEN));
    }
}
