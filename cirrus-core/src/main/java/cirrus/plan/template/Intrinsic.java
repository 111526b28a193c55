package cirrus.plan.template;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Recognises CloudFormation intrinsic functions in a plain tree: a mapping with the single key
 * {@code Ref}, {@code Condition} or {@code Fn::…}.
 */
public final class Intrinsic {
    private Intrinsic() {}

    /** Whether {@code value} is an intrinsic function call. */
    public static boolean is(Object value) {
        return name(value).isPresent();
    }

    /** The function name ({@code Ref}, {@code Fn::GetAtt}, …) of an intrinsic call. */
    public static Optional<String> name(Object value) {
        if (value instanceof Map<?, ?> map && map.size() == 1) {
            Object key = map.keySet().iterator().next();
            if (key instanceof String k
                    && (k.equals("Ref") || k.equals("Condition") || k.startsWith("Fn::"))) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }

    /** The argument of an intrinsic call. */
    public static Object argument(Object value) {
        return ((Map<?, ?>) value).values().iterator().next();
    }

    /** The logical id a {@code Ref} or {@code Fn::GetAtt} points at, if it is one. */
    public static Optional<String> target(Object value) {
        Optional<String> name = name(value);
        if (name.isEmpty()) {
            return Optional.empty();
        }
        Object arg = argument(value);
        if (name.get().equals("Ref") && arg instanceof String s) {
            return Optional.of(s);
        }
        if (name.get().equals("Fn::GetAtt")) {
            if (arg instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof String s) {
                return Optional.of(s);
            }
            if (arg instanceof String s) {
                int dot = s.indexOf('.');
                return Optional.of(dot < 0 ? s : s.substring(0, dot));
            }
        }
        return Optional.empty();
    }

    /**
     * A text that stands for the same value on both sides of a plan: a plain string itself, the
     * template of an {@code Fn::Sub}; empty for anything else.
     */
    public static Optional<String> text(Object value) {
        if (value instanceof String s) {
            return Optional.of(s);
        }
        if (name(value).filter("Fn::Sub"::equals).isPresent()) {
            Object arg = argument(value);
            if (arg instanceof String s) {
                return Optional.of(s);
            }
            if (arg instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof String s) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
