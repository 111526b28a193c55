package cirrus.local.batch;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Typed access to one object of a CloudFormation properties tree (plain maps, lists and scalars)
 * that records a {@link BatchProblem} with the property's path instead of throwing, so that a
 * reader reports every problem of a template at once. Scalars may be strings or numbers, as YAML
 * gives them.
 */
final class CfnNode {
    private final String path;
    private final Map<?, ?> values;
    private final List<BatchProblem> problems;

    CfnNode(String path, Map<?, ?> values, List<BatchProblem> problems) {
        this.path = path;
        this.values = values;
        this.problems = problems;
    }

    String path() {
        return path;
    }

    String path(String key) {
        return path + "." + key;
    }

    boolean has(String key) {
        return values.get(key) != null;
    }

    Object raw(String key) {
        return values.get(key);
    }

    void problem(String key, BatchCode code, String message) {
        problems.add(new BatchProblem(code, key == null ? path : path(key), message));
    }

    /** A scalar as text, or {@code null} when absent or not a scalar (then a problem is added). */
    String string(String key) {
        Object value = values.get(key);
        if (value == null) {
            return null;
        }
        String text = scalar(value);
        if (text == null) {
            problem(key, codeFor(value), "must be a plain value, got " + describe(value));
        }
        return text;
    }

    String requiredString(String key) {
        if (!has(key)) {
            problem(key, BatchCode.MISSING_PROPERTY, "is required");
            return null;
        }
        return string(key);
    }

    /** A whole number, or {@code null} when absent or invalid (then a problem is added). */
    Long integer(String key) {
        String text = string(key);
        if (text == null) {
            return null;
        }
        try {
            return new BigDecimal(text.trim()).longValueExact();
        } catch (ArithmeticException | NumberFormatException e) {
            problem(key, BatchCode.INVALID_VALUE, "must be a whole number, got '" + text + "'");
            return null;
        }
    }

    Long requiredInteger(String key) {
        if (!has(key)) {
            problem(key, BatchCode.MISSING_PROPERTY, "is required");
            return null;
        }
        return integer(key);
    }

    /** A decimal number, or {@code null} when absent or invalid (then a problem is added). */
    Double number(String key) {
        String text = string(key);
        if (text == null) {
            return null;
        }
        try {
            return Double.valueOf(text.trim());
        } catch (NumberFormatException e) {
            problem(key, BatchCode.INVALID_VALUE, "must be a number, got '" + text + "'");
            return null;
        }
    }

    Boolean bool(String key) {
        String text = string(key);
        if (text == null) {
            return null;
        }
        if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
            return Boolean.valueOf(text);
        }
        problem(key, BatchCode.INVALID_VALUE, "must be true or false, got '" + text + "'");
        return null;
    }

    /** A nested object, or {@code null} when absent or not an object. */
    CfnNode object(String key) {
        Object value = values.get(key);
        if (value == null) {
            return null;
        }
        if (!(value instanceof Map<?, ?> map) || isIntrinsic(value)) {
            problem(key, codeFor(value), "must be an object, got " + describe(value));
            return null;
        }
        return new CfnNode(path(key), map, problems);
    }

    /** A list of objects (empty when absent); non-object items are reported. */
    List<CfnNode> objects(String key) {
        List<CfnNode> result = new ArrayList<>();
        List<?> list = list(key);
        for (int i = 0; i < list.size(); i++) {
            Object item = list.get(i);
            String itemPath = path(key) + "[" + i + "]";
            if (item instanceof Map<?, ?> map && !isIntrinsic(item)) {
                result.add(new CfnNode(itemPath, map, problems));
            } else {
                problems.add(
                        new BatchProblem(
                                codeFor(item),
                                itemPath,
                                "must be an object, got " + describe(item)));
            }
        }
        return result;
    }

    /** A list of scalars as text ({@code null} when absent); non-scalar items are reported. */
    List<String> strings(String key) {
        if (!has(key)) {
            return null;
        }
        List<String> result = new ArrayList<>();
        List<?> list = list(key);
        for (int i = 0; i < list.size(); i++) {
            String text = scalar(list.get(i));
            if (text == null) {
                problems.add(
                        new BatchProblem(
                                codeFor(list.get(i)),
                                path(key) + "[" + i + "]",
                                "must be a plain value, got " + describe(list.get(i))));
            } else {
                result.add(text);
            }
        }
        return result;
    }

    /** A map of scalars as text, in order ({@code null} when absent). */
    Map<String, String> stringMap(String key) {
        CfnNode node = object(key);
        if (node == null) {
            return null;
        }
        Map<String, String> result = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : node.values.entrySet()) {
            String name = String.valueOf(entry.getKey());
            String text = entry.getValue() == null ? "" : node.string(name);
            if (text != null) {
                result.put(name, text);
            }
        }
        return result;
    }

    private List<?> list(String key) {
        Object value = values.get(key);
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> list) {
            return list;
        }
        problem(key, codeFor(value), "must be a list, got " + describe(value));
        return List.of();
    }

    static String scalar(Object value) {
        if (value instanceof String s) {
            return s;
        }
        if (value instanceof Number || value instanceof Boolean) {
            if (value instanceof Double d && d == Math.rint(d) && !d.isInfinite()) {
                return BigDecimal.valueOf(d).toBigInteger().toString();
            }
            return value.toString();
        }
        return null;
    }

    static boolean isIntrinsic(Object value) {
        if (value instanceof Map<?, ?> map && map.size() == 1) {
            String key = String.valueOf(map.keySet().iterator().next());
            return key.equals("Ref") || key.startsWith("Fn::");
        }
        return false;
    }

    private static BatchCode codeFor(Object value) {
        return isIntrinsic(value) ? BatchCode.UNRESOLVED_INTRINSIC : BatchCode.INVALID_VALUE;
    }

    private static String describe(Object value) {
        if (isIntrinsic(value)) {
            return "the unresolved intrinsic "
                    + value
                    + " (resolve references before loading Batch resources)";
        }
        if (value instanceof Map) {
            return "an object";
        }
        if (value instanceof List) {
            return "a list";
        }
        return "'" + value + "'";
    }
}
