package cirrus.yaml;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a plain tree (maps, lists, scalars as {@link YamlDocument} describes them) as YAML, byte
 * for byte the way cirrus v0.15.4 writes {@code serverless.yml}: PyYAML's {@code yaml.dump} with
 * cfn-flip's {@code LongCleanDumper}. That means block style with 2-space indentation, sequences
 * indented under their key, key order preserved, empty collections as {@code {}}/{@code []},
 * strings unquoted when YAML 1.1 reads them back as the same string and single-quoted otherwise,
 * strings that look like account ids ({@code ^0[0-9]+$}) always single-quoted, multi-line strings
 * as literal blocks, non-ASCII text double-quoted with escapes, and long lines folded at a space
 * past column 80.
 *
 * <p>The rules live in {@link ScalarEvent} (what to ask for), {@link ScalarAnalysis} (what the text
 * allows) and {@link ScalarWriter} (how to fold and escape); this class walks the tree.
 */
public final class YamlWriter {
    private final EmitterOutput out;
    private final ScalarWriter scalars;

    /**
     * Strings repeat a lot in a serverless.yml (keys, {@code Ref}, environment names), and how a
     * string is written depends only on its text, so each is analysed once per document.
     */
    private final Map<String, Prepared> prepared = new HashMap<>();

    private record Prepared(ScalarEvent event, ScalarAnalysis analysis) {}

    private YamlWriter(StringBuilder sink) {
        this.out = new EmitterOutput(sink);
        this.scalars = new ScalarWriter(out);
    }

    /**
     * The YAML document for {@code root}.
     *
     * @throws IllegalArgumentException if the tree holds a value that has no YAML form
     */
    public static String write(Object root) {
        StringBuilder sink = new StringBuilder(8192);
        new YamlWriter(sink).document(root);
        return sink.toString();
    }

    /**
     * The YAML of {@code root} with every non-blank line indented by {@code spaces} (as {@code
     * cirrus show} prints configurations, like Python's {@code textwrap.indent}); lines are folded
     * at column 80 before indenting, as upstream does. The result ends with a newline.
     */
    public static String writeIndented(Object root, int spaces) {
        String text = write(root);
        String pad = " ".repeat(spaces);
        StringBuilder out = new StringBuilder(text.length() + text.length() / 8);
        int start = 0;
        while (start < text.length()) {
            int end = text.indexOf('\n', start);
            end = end < 0 ? text.length() : end + 1;
            if (!text.substring(start, end).isBlank()) {
                out.append(pad);
            }
            out.append(text, start, end);
            start = end;
        }
        return out.toString();
    }

    private void document(Object root) {
        node(root, true, false);
        out.writeIndent();
        if (out.openEnded) {
            out.writeIndicator("...", true, false, false);
            out.writeIndent();
        }
    }

    private void node(Object value, boolean root, boolean simpleKey) {
        if (value instanceof Map<?, ?> map) {
            if (map.isEmpty()) {
                emptyFlow("{", "}");
            } else {
                blockMapping(map);
            }
        } else if (value instanceof List<?> list) {
            if (list.isEmpty()) {
                emptyFlow("[", "]");
            } else {
                blockSequence(list);
            }
        } else {
            Prepared p = prepare(value);
            scalar(p.event(), p.analysis(), root, simpleKey);
        }
    }

    private Prepared prepare(Object value) {
        if (value instanceof String s) {
            Prepared p = prepared.get(s);
            if (p == null) {
                ScalarEvent event = ScalarEvent.of(s);
                p = new Prepared(event, ScalarAnalysis.of(event.text()));
                prepared.put(s, p);
            }
            return p;
        }
        ScalarEvent event = ScalarEvent.of(value);
        return new Prepared(event, ScalarAnalysis.of(event.text()));
    }

    private void emptyFlow(String open, String close) {
        out.writeIndicator(open, true, true, false);
        out.increaseIndent(true);
        out.popIndent();
        out.writeIndicator(close, false, false, false);
    }

    private void blockSequence(List<?> list) {
        out.increaseIndent(false);
        for (Object item : list) {
            out.writeIndent();
            out.writeIndicator("-", true, false, true);
            node(item, false, false);
        }
        out.popIndent();
    }

    private void blockMapping(Map<?, ?> map) {
        out.increaseIndent(false);
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            out.writeIndent();
            Prepared p = prepare(entry.getKey());
            ScalarEvent key = p.event();
            ScalarAnalysis analysis = p.analysis();
            if (isSimpleKey(key, analysis)) {
                scalar(key, analysis, false, true);
                out.writeIndicator(":", false, false, false);
            } else {
                out.writeIndicator("?", true, false, true);
                scalar(key, analysis, false, false);
                out.writeIndent();
                out.writeIndicator(":", true, false, true);
            }
            node(entry.getValue(), false, false);
        }
        out.popIndent();
    }

    /** PyYAML counts the (unwritten) tag, e.g. {@code !!str}, into the 128-character limit. */
    private static boolean isSimpleKey(ScalarEvent key, ScalarAnalysis analysis) {
        String text = analysis.text();
        int length = key.tagLength() + text.codePointCount(0, text.length());
        return length < 128 && !analysis.empty() && !analysis.multiline();
    }

    private void scalar(ScalarEvent event, ScalarAnalysis analysis, boolean root, boolean key) {
        out.increaseIndent(true);
        char style = style(event, analysis, key);
        if (style == 0 ? !event.plainKeepsType() : !event.isString()) {
            throw new IllegalArgumentException(
                    "cannot write '" + event.text() + "' without a YAML tag");
        }
        String text = analysis.text();
        switch (style) {
            case '"' -> scalars.doubleQuoted(text, !key);
            case '\'' -> scalars.singleQuoted(text, !key);
            case '|' -> scalars.literal(text);
            default -> scalars.plain(text, !key, root);
        }
        out.popIndent();
    }

    /** PyYAML's {@code choose_scalar_style} for block context; {@code 0} means plain. */
    private static char style(ScalarEvent event, ScalarAnalysis analysis, boolean simpleKey) {
        char requested = event.requestedStyle();
        if (requested == '"') {
            return '"';
        }
        if (requested == 0
                && event.plainKeepsType()
                && !(simpleKey && (analysis.empty() || analysis.multiline()))
                && analysis.allowBlockPlain()) {
            return 0;
        }
        if (requested == '|' && !simpleKey && analysis.allowBlock()) {
            return '|';
        }
        if ((requested == 0 || requested == '\'')
                && analysis.allowSingleQuoted()
                && !(simpleKey && analysis.multiline())) {
            return '\'';
        }
        return '"';
    }
}
