package cirrus.compile.cfn;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * CloudFormation intrinsic functions as the long-form maps the YAML loader produces ({@code {Ref:
 * X}}, {@code {Fn::GetAtt: [X, Arn]}}, ...): constructors for the ones the template compiler writes
 * and readers for the ones it has to look into.
 *
 * @see <a
 *     href="https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference.html">Intrinsic
 *     function reference</a>
 */
final class Intrinsic {
    static final String REF = "Ref";
    static final String GET_ATT = "Fn::GetAtt";
    static final String SUB = "Fn::Sub";

    private Intrinsic() {}

    static Map<String, Object> ref(String logicalId) {
        return Map.of(REF, logicalId);
    }

    static Map<String, Object> getAtt(String logicalId, String attribute) {
        return Map.of(GET_ATT, List.of(logicalId, attribute));
    }

    static Map<String, Object> arn(String logicalId) {
        return getAtt(logicalId, "Arn");
    }

    static Map<String, Object> sub(String template) {
        return Map.of(SUB, template);
    }

    /**
     * Whether {@code value} is a one-key map whose key is {@code Ref}, {@code Fn::*} or {@code
     * Condition}.
     */
    static boolean is(Object value) {
        if (value instanceof Map<?, ?> m && m.size() == 1) {
            String key = String.valueOf(m.keySet().iterator().next());
            return key.equals(REF) || key.startsWith("Fn::") || key.equals("Condition");
        }
        return false;
    }

    /** The logical id of {@code {Ref: X}}. */
    static Optional<String> refTarget(Object value) {
        if (value instanceof Map<?, ?> m && m.size() == 1 && m.get(REF) instanceof String id) {
            return Optional.of(id);
        }
        return Optional.empty();
    }

    /**
     * The logical id and attribute of {@code {Fn::GetAtt: [X, Attr]}} or {@code {Fn::GetAtt:
     * "X.Attr"}}.
     */
    static Optional<List<String>> getAttTarget(Object value) {
        if (!(value instanceof Map<?, ?> m) || m.size() != 1 || !m.containsKey(GET_ATT)) {
            return Optional.empty();
        }
        Object args = m.get(GET_ATT);
        if (args instanceof List<?> l && l.size() == 2 && l.get(0) instanceof String id) {
            return Optional.of(List.of(id, String.valueOf(l.get(1))));
        }
        if (args instanceof String s && s.indexOf('.') > 0) {
            int dot = s.indexOf('.');
            return Optional.of(List.of(s.substring(0, dot), s.substring(dot + 1)));
        }
        return Optional.empty();
    }

    /** The logical id a {@code Ref} or {@code Fn::GetAtt} points at. */
    static Optional<String> target(Object value) {
        return refTarget(value).or(() -> getAttTarget(value).map(l -> l.get(0)));
    }

    /** A mutable ordered map of the given key/value pairs. */
    static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }
}
