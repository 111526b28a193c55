package cirrus.states.json;

import java.math.BigDecimal;
import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Deep equality of JSON values where numbers compare by value ({@code 1} equals {@code 1.0}), as
 * JSON (and Step Functions) sees them; Jackson's {@code equals} distinguishes node classes.
 */
public final class JsonEquality {
    private JsonEquality() {}

    /** Whether two JSON values are equal; numbers by value, objects regardless of key order. */
    public static boolean equal(JsonNode a, JsonNode b) {
        if (a == b) {
            return true;
        }
        if (a == null || b == null) {
            return false;
        }
        if (a.isNumber() && b.isNumber()) {
            return compareNumbers(a, b) == 0;
        }
        if (a.getNodeType() != b.getNodeType()) {
            return false;
        }
        if (a.isArray()) {
            if (a.size() != b.size()) {
                return false;
            }
            for (int i = 0; i < a.size(); i++) {
                if (!equal(a.get(i), b.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (a.isObject()) {
            if (a.size() != b.size()) {
                return false;
            }
            Iterator<Map.Entry<String, JsonNode>> fields = a.properties().iterator();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (!equal(field.getValue(), b.get(field.getKey()))) {
                    return false;
                }
            }
            return true;
        }
        return a.equals(b);
    }

    /** Compares two number nodes by value. */
    public static int compareNumbers(JsonNode a, JsonNode b) {
        if (a.isIntegralNumber()
                && b.isIntegralNumber()
                && a.canConvertToLong()
                && b.canConvertToLong()) {
            return Long.compare(a.longValue(), b.longValue());
        }
        if ((a.isDouble() || a.isFloat()) && !Double.isFinite(a.doubleValue())
                || (b.isDouble() || b.isFloat()) && !Double.isFinite(b.doubleValue())) {
            return Double.compare(a.doubleValue(), b.doubleValue());
        }
        BigDecimal x = a.decimalValue();
        BigDecimal y = b.decimalValue();
        return x.compareTo(y);
    }
}
