package cirrus.compile.cfn;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reading the resolved serverless configuration: maps, lists and scalars of any shape, where a
 * missing or differently shaped value reads as empty.
 */
final class Tree {
    private Tree() {}

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object value) {
        return value instanceof List<?> l ? (List<Object>) l : List.of();
    }

    /** A string, number or boolean as text; empty for anything else. */
    static Optional<String> text(Object value) {
        if (value instanceof String s) {
            return Optional.of(s);
        }
        if (value instanceof Double d) {
            return Optional.of(BigDecimal.valueOf(d).stripTrailingZeros().toPlainString());
        }
        if (value instanceof Number || value instanceof Boolean) {
            return Optional.of(String.valueOf(value));
        }
        return Optional.empty();
    }

    /** A whole number (also written as text, {@code "30"}). */
    static Optional<Long> number(Object value) {
        if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
            return Optional.of(n.longValue());
        }
        if (value instanceof String s && s.matches("-?\\d{1,18}")) {
            return Optional.of(Long.parseLong(s));
        }
        return Optional.empty();
    }

    /** A scalar as CloudFormation takes it: strings stay, numbers and booleans become text. */
    static Object scalarAsText(Object value) {
        if (value instanceof Number || value instanceof Boolean) {
            return text(value).orElseThrow();
        }
        return value;
    }
}
