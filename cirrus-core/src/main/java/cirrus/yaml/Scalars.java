package cirrus.yaml;

import java.math.BigInteger;
import java.util.Locale;
import java.util.function.BiFunction;

import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/** Constructs YAML 1.1 scalars the way PyYAML's SafeConstructor does. */
final class Scalars {
    private Scalars() {}

    static Object construct(
            ScalarNode node, Tag tag, BiFunction<Node, String, ? extends RuntimeException> error) {
        String text = node.getValue();
        try {
            if (Tag.STR.equals(tag)) {
                return text;
            } else if (Tag.INT.equals(tag)) {
                return integer(text);
            } else if (Tag.FLOAT.equals(tag)) {
                return floating(text);
            } else if (Tag.BOOL.equals(tag)) {
                String t = text.toLowerCase(Locale.ROOT);
                return t.equals("yes") || t.equals("true") || t.equals("on");
            } else if (Tag.NULL.equals(tag)) {
                return null;
            } else if (Yaml11Resolver.TIMESTAMP.equals(tag)) {
                return new YamlTimestamp(text);
            }
            return text;
        } catch (NumberFormatException e) {
            throw error.apply(node, "'" + text + "' is not a valid " + tag.getValue());
        }
    }

    static Number integer(String text) {
        String v = text.replace("_", "");
        int sign = 1;
        if (v.startsWith("-")) {
            sign = -1;
            v = v.substring(1);
        } else if (v.startsWith("+")) {
            v = v.substring(1);
        }
        BigInteger n;
        if (v.equals("0")) {
            n = BigInteger.ZERO;
        } else if (v.startsWith("0b")) {
            n = new BigInteger(v.substring(2), 2);
        } else if (v.startsWith("0x")) {
            n = new BigInteger(v.substring(2), 16);
        } else if (v.startsWith("0")) {
            n = new BigInteger(v.substring(1), 8);
        } else if (v.contains(":")) {
            n = BigInteger.ZERO;
            for (String part : v.split(":")) {
                n = n.multiply(BigInteger.valueOf(60)).add(new BigInteger(part));
            }
        } else {
            n = new BigInteger(v);
        }
        n = sign < 0 ? n.negate() : n;
        return n.bitLength() < 64 ? (Number) n.longValue() : n;
    }

    static Double floating(String text) {
        String v = text.replace("_", "").toLowerCase(Locale.ROOT);
        double sign = 1;
        if (v.startsWith("-")) {
            sign = -1;
            v = v.substring(1);
        } else if (v.startsWith("+")) {
            v = v.substring(1);
        }
        if (v.equals(".inf")) {
            return sign * Double.POSITIVE_INFINITY;
        }
        if (v.equals(".nan")) {
            return Double.NaN;
        }
        if (v.contains(":")) {
            double n = 0;
            for (String part : v.split(":")) {
                n = n * 60 + Double.parseDouble(part);
            }
            return sign * n;
        }
        return sign * Double.parseDouble(v);
    }
}
