package cirrus.plan.template;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves the {@code ${self:path}} variables of a serverless.yml against the file itself, the way
 * the Serverless Framework does before it compiles resources, so that a change of {@code
 * custom.batch.BasicComputeEnvironments.MaxvCpus} shows up as a {@code MaxvCpus} change of the
 * compute environments that use it. {@code ${opt:…}}, {@code ${env:…}} and other sources are left
 * as they are (they are the same text on both sides of a plan). A variable that resolves to another
 * variable is followed up to {@value #MAX_DEPTH} times.
 */
final class ServerlessVariables {
    static final int MAX_DEPTH = 10;

    private static final Pattern SELF =
            Pattern.compile("\\$\\{self:([^,}\\s]+)\\s*(?:,\\s*([^}]*))?}");

    private final Map<String, Object> root;

    private ServerlessVariables(Map<String, Object> root) {
        this.root = root;
    }

    /** A copy of {@code tree} with every resolvable {@code ${self:…}} replaced. */
    static Object resolve(Object tree, Map<String, Object> root) {
        return new ServerlessVariables(root).value(tree, 0);
    }

    private Object value(Object v, int depth) {
        if (v instanceof String s) {
            return string(s, depth);
        }
        if (v instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, item) -> copy.put(String.valueOf(k), value(item, depth)));
            return copy;
        }
        if (v instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(item -> copy.add(value(item, depth)));
            return copy;
        }
        return v;
    }

    private Object string(String s, int depth) {
        if (depth >= MAX_DEPTH || !s.contains("${self:")) {
            return s;
        }
        Matcher m = SELF.matcher(s);
        if (m.matches()) {
            Optional<Object> found = lookup(m.group(1));
            if (found.isPresent()) {
                return value(found.get(), depth + 1);
            }
            return m.group(2) == null ? s : defaultValue(m.group(2));
        }
        StringBuilder out = new StringBuilder();
        boolean replaced = false;
        m.reset();
        while (m.find()) {
            Object found = lookup(m.group(1)).map(x -> value(x, depth + 1)).orElse(null);
            String text;
            if (found instanceof String || found instanceof Number || found instanceof Boolean) {
                text = String.valueOf(found);
                replaced = true;
            } else if (found == null && m.group(2) != null) {
                text = String.valueOf(defaultValue(m.group(2)));
                replaced = true;
            } else {
                text = m.group();
            }
            m.appendReplacement(out, Matcher.quoteReplacement(text));
        }
        m.appendTail(out);
        return replaced ? string(out.toString(), depth + 1) : s;
    }

    private Optional<Object> lookup(String path) {
        Object current = root;
        for (String part : path.split("\\.")) {
            if (current instanceof Map<?, ?> map && map.containsKey(part)) {
                current = map.get(part);
            } else if (current instanceof List<?> list && part.matches("\\d+")) {
                int index = Integer.parseInt(part);
                if (index >= list.size()) {
                    return Optional.empty();
                }
                current = list.get(index);
            } else {
                return Optional.empty();
            }
        }
        return Optional.ofNullable(current);
    }

    private static Object defaultValue(String text) {
        String t = text.trim();
        if (t.length() >= 2
                && ((t.startsWith("'") && t.endsWith("'"))
                        || (t.startsWith("\"") && t.endsWith("\"")))) {
            return t.substring(1, t.length() - 1);
        }
        return t;
    }
}
