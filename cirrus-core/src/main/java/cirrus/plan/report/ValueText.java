package cirrus.plan.report;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import cirrus.plan.diff.Change;
import cirrus.plan.template.Intrinsic;

/**
 * Writes a template value on one line, compactly: {@code !Ref X}, {@code !GetAtt X.Arn}, {@code
 * !Sub '…'}, {@code [a, b]}, {@code {k: v}}; long values are cut with an ellipsis.
 */
final class ValueText {
    static final int MAX = 100;
    private static final Pattern PLAIN = Pattern.compile("[^\\s,\\[\\]{}'\"#][^,\\[\\]{}'\"\\n]*");

    private ValueText() {}

    static String of(Object value) {
        String text = render(value);
        return text.length() > MAX ? text.substring(0, MAX - 1) + "…" : text;
    }

    /**
     * Two long values that differ, each cut to a window around their first difference (so that a
     * changed {@code DefinitionString} shows what changed, not the same first hundred characters).
     */
    static String[] pair(Object before, Object after) {
        String b = render(before);
        String a = render(after);
        if (b.length() <= MAX && a.length() <= MAX) {
            return new String[] {b, a};
        }
        int same = 0;
        while (same < b.length() && same < a.length() && b.charAt(same) == a.charAt(same)) {
            same++;
        }
        int start = Math.max(0, same - 30);
        return new String[] {window(b, start), window(a, start)};
    }

    private static String window(String text, int start) {
        String head = start > 0 ? "…" : "";
        int end = Math.min(text.length(), start + MAX - 2);
        return head + text.substring(start, end) + (end < text.length() ? "…" : "");
    }

    private static String render(Object value) {
        if (value == Change.ABSENT) {
            return "(absent)";
        }
        if (value == null) {
            return "null";
        }
        if (value instanceof String s) {
            return string(s);
        }
        if (value instanceof List<?> list) {
            StringBuilder b = new StringBuilder("[");
            for (int i = 0; i < list.size(); i++) {
                b.append(i == 0 ? "" : ", ").append(render(list.get(i)));
            }
            return b.append(']').toString();
        }
        if (value instanceof Map<?, ?> map) {
            if (Intrinsic.is(value)) {
                return intrinsic(Intrinsic.name(value).orElseThrow(), Intrinsic.argument(value));
            }
            StringBuilder b = new StringBuilder("{");
            boolean first = true;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                b.append(first ? "" : ", ")
                        .append(e.getKey())
                        .append(": ")
                        .append(render(e.getValue()));
                first = false;
            }
            return b.append('}').toString();
        }
        return String.valueOf(value);
    }

    private static String intrinsic(String name, Object arg) {
        if (name.equals("Ref")) {
            return "!Ref " + render(arg);
        }
        if (name.equals("Fn::GetAtt") && arg instanceof List<?> l && l.size() == 2) {
            return "!GetAtt " + l.get(0) + "." + l.get(1);
        }
        String shortName = name.startsWith("Fn::") ? name.substring(4) : name;
        if (name.equals("Fn::Sub") && arg instanceof String s) {
            return "!Sub '" + s.replace("'", "''").replace("\n", "\\n") + "'";
        }
        return "!" + shortName + " " + render(arg);
    }

    private static String string(String s) {
        if (PLAIN.matcher(s).matches() && s.equals(s.strip())) {
            return s;
        }
        return "'" + s.replace("'", "''").replace("\n", "\\n") + "'";
    }
}
