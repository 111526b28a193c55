package cirrus.validate.analysis;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The logical id a value points at: {@code #{X}}, {@code {Ref: X}}, {@code {Fn::GetAtt: [X, …]}} or
 * {@code {Fn::Sub: "${X}"}}. Literal names and ARNs point at nothing in the template.
 */
public final class TargetId {
    private static final Pattern PLACEHOLDER = Pattern.compile("^#\\{([A-Za-z0-9]+)}$");
    private static final Pattern SUB =
            Pattern.compile("^\\$\\{([A-Za-z0-9]+)(?:\\.[A-Za-z0-9.]+)?}$");

    private TargetId() {}

    public static Optional<String> of(Object value) {
        if (value instanceof String s) {
            Matcher m = PLACEHOLDER.matcher(s.trim());
            return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
        }
        if (value instanceof Map<?, ?> map && map.size() == 1) {
            Object arg = map.values().iterator().next();
            switch (String.valueOf(map.keySet().iterator().next())) {
                case "Ref" -> {
                    return arg instanceof String s ? Optional.of(s) : Optional.empty();
                }
                case "Fn::GetAtt" -> {
                    if (arg instanceof List<?> l && !l.isEmpty() && l.get(0) instanceof String s) {
                        return Optional.of(s);
                    }
                    return arg instanceof String s
                            ? Optional.of(s.split("\\.", 2)[0])
                            : Optional.empty();
                }
                case "Fn::Sub" -> {
                    if (arg instanceof String s) {
                        Matcher m = SUB.matcher(s.trim());
                        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
                    }
                    return Optional.empty();
                }
                default -> {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }
}
