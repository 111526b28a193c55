package cirrus.yaml;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Locale;
import java.util.regex.Pattern;

import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * Writes a YAML tree exactly as cirrus v0.15.4 does (PyYAML through cfn-flip's {@code
 * LongCleanDumper}): block style, indent 2 with sequences indented under their key, key order
 * preserved, CloudFormation intrinsics in long form, lines folded at 80 columns, strings plain when
 * YAML 1.1 would read them back as the same string and single-quoted otherwise, strings like {@code
 * 0123} always quoted, multi-line strings as literal blocks, non-ASCII characters escaped.
 *
 * <p>The tree is what {@link YamlLoader} produces: {@code Map<String, ?>}, {@code List<?>}, {@code
 * String}, {@code Boolean}, integers, {@code Double}, {@link YamlTimestamp} and {@code null}.
 */
public final class YamlEmitter {
    private static final Pattern LEADING_ZERO_NUMBER = Pattern.compile("^0[0-9]+$");

    private YamlEmitter() {}

    /** The YAML text of {@code tree}, ending with a newline. */
    public static String dump(Object tree) {
        return new BlockEmitter(YamlEmitter::scalar).emit(tree);
    }

    /**
     * The YAML text of {@code tree} with every line indented by {@code indent} spaces (as {@code
     * cirrus show} prints configurations); folding still happens at 80 columns before indenting.
     */
    public static String dumpIndented(Object tree, int indent) {
        String pad = " ".repeat(indent);
        StringBuilder out = new StringBuilder();
        for (String line : dump(tree).split("\n", -1)) {
            if (!line.isEmpty()) {
                out.append(pad).append(line);
            }
            out.append('\n');
        }
        out.setLength(out.length() - 1);
        return out.toString();
    }

    private static BlockEmitter.Scalar scalar(Object value) {
        if (value instanceof String s) {
            return new BlockEmitter.Scalar(s, implicit(s, Tag.STR), stringStyle(s));
        }
        if (value == null) {
            return plain("null", Tag.NULL);
        }
        if (value instanceof Boolean b) {
            return plain(b ? "true" : "false", Tag.BOOL);
        }
        if (value instanceof Long
                || value instanceof Integer
                || value instanceof Short
                || value instanceof Byte
                || value instanceof BigInteger) {
            return plain(value.toString(), Tag.INT);
        }
        if (value instanceof Double || value instanceof Float) {
            return plain(pythonFloat(((Number) value).doubleValue()), Tag.FLOAT);
        }
        if (value instanceof YamlTimestamp t) {
            return plain(t.text(), Yaml11Resolver.TIMESTAMP);
        }
        throw new IllegalArgumentException(
                "cannot write a " + value.getClass().getName() + " as YAML");
    }

    private static BlockEmitter.Scalar plain(String text, Tag tag) {
        return new BlockEmitter.Scalar(text, implicit(text, tag), BlockEmitter.Style.PLAIN);
    }

    private static boolean implicit(String text, Tag tag) {
        return Yaml11Resolver.resolvePlain(text).equals(tag);
    }

    private static BlockEmitter.Style stringStyle(String s) {
        if (s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
            return BlockEmitter.Style.LITERAL;
        }
        if (LEADING_ZERO_NUMBER.matcher(s).matches()) {
            return BlockEmitter.Style.SINGLE_QUOTED;
        }
        return BlockEmitter.Style.PLAIN;
    }

    /**
     * Python's {@code repr(float)} as PyYAML writes it: {@code 2.0}, {@code 1.0e-05}, {@code .inf}.
     */
    static String pythonFloat(double d) {
        if (Double.isNaN(d)) {
            return ".nan";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? ".inf" : "-.inf";
        }
        if (d == 0) {
            return (1 / d < 0) ? "-0.0" : "0.0";
        }
        BigDecimal exact = new BigDecimal(Double.toString(Math.abs(d))).stripTrailingZeros();
        String digits = exact.unscaledValue().toString();
        int exponent = digits.length() - 1 - exact.scale();
        String sign = d < 0 ? "-" : "";
        if (exponent < -4 || exponent >= 16) {
            String mantissa =
                    digits.length() == 1
                            ? digits + ".0"
                            : digits.charAt(0) + "." + digits.substring(1);
            String exp =
                    String.format(
                            Locale.ROOT, "%s%02d", exponent < 0 ? "-" : "+", Math.abs(exponent));
            return sign + mantissa + "e" + exp;
        }
        String plain = exact.toPlainString();
        return sign + (plain.contains(".") ? plain : plain + ".0");
    }
}
