package cirrus.plan.bluegreen;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cirrus.plan.template.Intrinsic;

/**
 * Points references at other logical ids throughout a tree: {@code Ref}, {@code Fn::GetAtt}, {@code
 * ${X}}/{@code ${X.Attr}} in {@code Fn::Sub} templates, {@code #{X}} in state machine definitions,
 * and {@code DependsOn}. Returns a rewritten copy; the input is not modified.
 */
final class ReferenceRewrite {
    private static final Pattern SUB =
            Pattern.compile("\\$\\{([A-Za-z0-9]+)((?:\\.[A-Za-z0-9.]+)?)}");
    private static final Pattern HASH =
            Pattern.compile("#\\{([A-Za-z0-9]+)((?:\\.[A-Za-z0-9.]+)?)}");

    private final Map<String, String> renames;

    private ReferenceRewrite(Map<String, String> renames) {
        this.renames = renames;
    }

    /** A copy of {@code tree} with every reference to a key of {@code renames} renamed. */
    static Object apply(Object tree, Map<String, String> renames) {
        return new ReferenceRewrite(renames).value(tree, false);
    }

    private Object value(Object v, boolean dependsOn) {
        if (v instanceof Map<?, ?> map) {
            String fn = Intrinsic.name(v).orElse("");
            Object arg = fn.isEmpty() ? null : Intrinsic.argument(v);
            if (fn.equals("Ref") && arg instanceof String s) {
                return Map.of("Ref", renames.getOrDefault(s, s));
            }
            if (fn.equals("Fn::GetAtt") && arg instanceof List<?> l && !l.isEmpty()) {
                List<Object> copy = new ArrayList<>(l);
                copy.set(
                        0,
                        renames.getOrDefault(String.valueOf(l.get(0)), String.valueOf(l.get(0))));
                return Map.of("Fn::GetAtt", copy);
            }
            if (fn.equals("Fn::GetAtt") && arg instanceof String s && s.contains(".")) {
                String target = s.substring(0, s.indexOf('.'));
                return Map.of(
                        "Fn::GetAtt",
                        renames.getOrDefault(target, target) + s.substring(s.indexOf('.')));
            }
            if (fn.equals("Fn::Sub")) {
                return Map.of("Fn::Sub", sub(arg));
            }
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach(
                    (k, item) -> copy.put(String.valueOf(k), value(item, "DependsOn".equals(k))));
            return copy;
        }
        if (v instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(item -> copy.add(value(item, dependsOn)));
            return copy;
        }
        if (v instanceof String s) {
            if (dependsOn) {
                return renames.getOrDefault(s, s);
            }
            return s.contains("#{") ? replace(HASH, s, '#') : s;
        }
        return v;
    }

    private Object sub(Object arg) {
        if (arg instanceof String s) {
            return replace(SUB, s, '$');
        }
        if (arg instanceof List<?> list && !list.isEmpty()) {
            List<Object> copy = new ArrayList<>();
            copy.add(
                    list.get(0) instanceof String s
                            ? replace(SUB, s, '$')
                            : value(list.get(0), false));
            for (int i = 1; i < list.size(); i++) {
                copy.add(value(list.get(i), false));
            }
            return copy;
        }
        return value(arg, false);
    }

    private String replace(Pattern pattern, String text, char sigil) {
        Matcher m = pattern.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = renames.getOrDefault(m.group(1), m.group(1));
            m.appendReplacement(
                    out, Matcher.quoteReplacement(sigil + "{" + name + m.group(2) + "}"));
        }
        m.appendTail(out);
        return out.toString();
    }
}
