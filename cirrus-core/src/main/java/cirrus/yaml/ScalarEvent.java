package cirrus.yaml;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A scalar ready to emit: its text, whether that text reads back as the same type when written
 * plain, and the style cfn-flip's {@code LongCleanDumper} asks for (PyYAML then picks the first
 * style the text allows).
 *
 * @param text the text PyYAML's representer produces for the value
 * @param kind the YAML type of the value
 * @param plainKeepsType the text written unquoted resolves to the value's own type
 * @param requestedStyle {@code 0} for "let the emitter choose", else {@code '\''}, {@code '|'} or
 *     {@code '"'}
 */
record ScalarEvent(String text, Kind kind, boolean plainKeepsType, char requestedStyle) {
    /** The YAML 1.1 types of scalars, with the length of their short tag ({@code !!str}). */
    enum Kind {
        STR(5),
        INT(5),
        BOOL(6),
        NULL(6),
        FLOAT(7),
        TIMESTAMP(11);

        final int tagLength;

        Kind(int tagLength) {
            this.tagLength = tagLength;
        }
    }

    /** cfn-flip quotes what looks like an AWS account id so a leading zero survives. */
    private static final Pattern ACCOUNT_ID = Pattern.compile("0[0-9]+\n?");

    private static final Pattern TIMESTAMP =
            Pattern.compile(
                    "([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})"
                            + "(?:(?:[Tt]|[ \\t]+)([0-9]{1,2}):([0-9]{2}):([0-9]{2})"
                            + "(?:\\.([0-9]*))?"
                            + "(?:[ \\t]*(Z|([-+])([0-9]{1,2})(?::([0-9]{2}))?))?)?");

    /** Represents a scalar of the loaded tree (or one set programmatically). */
    static ScalarEvent of(Object value) {
        if (value == null) {
            return typed(Kind.NULL, "null");
        }
        if (value instanceof String s) {
            return string(s);
        }
        if (value instanceof Boolean b) {
            return typed(Kind.BOOL, b ? "true" : "false");
        }
        if (value instanceof Long
                || value instanceof Integer
                || value instanceof Short
                || value instanceof Byte
                || value instanceof BigInteger) {
            return typed(Kind.INT, value.toString());
        }
        if (value instanceof Double || value instanceof Float) {
            return typed(Kind.FLOAT, floatText(((Number) value).doubleValue()));
        }
        if (value instanceof BigDecimal d) {
            return typed(Kind.FLOAT, floatText(d.doubleValue()));
        }
        if (value instanceof YamlTimestamp t) {
            return typed(Kind.TIMESTAMP, timestampText(t.text()));
        }
        throw new IllegalArgumentException(
                "cannot write a " + value.getClass().getName() + " as YAML: " + value);
    }

    private static ScalarEvent typed(Kind kind, String text) {
        return new ScalarEvent(text, kind, true, (char) 0);
    }

    boolean isString() {
        return kind == Kind.STR;
    }

    int tagLength() {
        return kind.tagLength;
    }

    private static ScalarEvent string(String s) {
        char style = 0;
        if (s.indexOf('\n') >= 0) {
            style = '|';
        }
        if (ACCOUNT_ID.matcher(s).matches()) {
            style = '\'';
        }
        if (style == 0 && s.indexOf('\r') >= 0) {
            style = '"';
        }
        return new ScalarEvent(s, Kind.STR, !Yaml11Resolver.plainWouldChangeType(s), style);
    }

    /** Python's {@code repr(float).lower()} with PyYAML's fix-ups. */
    static String floatText(double d) {
        if (Double.isNaN(d)) {
            return ".nan";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? ".inf" : "-.inf";
        }
        String repr = pythonRepr(d);
        if (repr.indexOf('.') < 0 && repr.indexOf('e') >= 0) {
            repr = repr.replaceFirst("e", ".0e");
        }
        return repr;
    }

    /** The shortest round-tripping decimal, formatted as Python's {@code repr} does. */
    private static String pythonRepr(double d) {
        if (d == 0) {
            return (1 / d < 0) ? "-0.0" : "0.0";
        }
        BigDecimal shortest = shortest(d);
        String digits = shortest.unscaledValue().abs().toString();
        int exponent = digits.length() - 1 - shortest.scale(); // decimal exponent of first digit
        String sign = d < 0 ? "-" : "";
        if (exponent < -4 || exponent >= 16) {
            String mantissa =
                    digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            String exp = String.format(Locale.ROOT, "%+03d", exponent);
            return sign + mantissa + "e" + exp;
        }
        String plain = shortest.abs().toPlainString();
        if (plain.indexOf('.') < 0) {
            plain = plain + ".0";
        }
        return sign + plain;
    }

    private static BigDecimal shortest(double d) {
        BigDecimal exact = new BigDecimal(d);
        for (int precision = 1; precision < 17; precision++) {
            BigDecimal candidate = exact.round(new MathContext(precision, RoundingMode.HALF_EVEN));
            if (candidate.doubleValue() == d) {
                return candidate.stripTrailingZeros();
            }
        }
        return exact.round(new MathContext(17, RoundingMode.HALF_EVEN)).stripTrailingZeros();
    }

    /**
     * PyYAML reads a timestamp into a Python date or datetime and writes back its {@code
     * isoformat}; a value it could not construct is written as it was read.
     */
    static String timestampText(String text) {
        Matcher m = TIMESTAMP.matcher(text);
        if (!m.matches()) {
            return text;
        }
        try {
            java.time.LocalDate date =
                    java.time.LocalDate.of(
                            Integer.parseInt(m.group(1)),
                            Integer.parseInt(m.group(2)),
                            Integer.parseInt(m.group(3)));
            if (m.group(4) == null) {
                return date.toString();
            }
            int hour = Integer.parseInt(m.group(4));
            int minute = Integer.parseInt(m.group(5));
            int second = Integer.parseInt(m.group(6));
            java.time.LocalTime.of(hour, minute, second);
            StringBuilder b = new StringBuilder(date.toString()).append(' ');
            b.append(String.format(Locale.ROOT, "%02d:%02d:%02d", hour, minute, second));
            String fraction = m.group(7);
            if (fraction != null && !fraction.isEmpty()) {
                String six = (fraction.length() > 6 ? fraction.substring(0, 6) : fraction);
                int micros = Integer.parseInt((six + "000000").substring(0, 6));
                if (micros != 0) {
                    b.append(String.format(Locale.ROOT, ".%06d", micros));
                }
            }
            if (m.group(9) != null) {
                int tzHour = Integer.parseInt(m.group(10));
                int tzMinute = m.group(11) == null ? 0 : Integer.parseInt(m.group(11));
                b.append(offset(m.group(9).equals("-"), tzHour, tzMinute));
            } else if (m.group(8) != null) {
                b.append("+00:00");
            }
            return b.toString();
        } catch (java.time.DateTimeException | NumberFormatException e) {
            return text;
        }
    }

    private static String offset(boolean negative, int hours, int minutes) {
        int total = hours * 60 + minutes;
        if (total >= 24 * 60) {
            throw new java.time.DateTimeException("offset out of range");
        }
        return String.format(
                Locale.ROOT,
                "%s%02d:%02d",
                negative && total != 0 ? "-" : "+",
                total / 60,
                total % 60);
    }
}
