package cirrus.yaml;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * A port of the block-style part of PyYAML's {@code Emitter}, with cfn-flip's one change (block
 * sequences are always indented under their parent). Walks a tree of already-typed scalars and
 * reproduces PyYAML's indentation, style choice and line folding so that output is byte-identical
 * to cirrus v0.15.4's.
 */
final class BlockEmitter {
    private static final int BEST_INDENT = 2;
    private static final int BEST_WIDTH = 80;

    /** A scalar ready to write: its text, and whether plain text would read back as its type. */
    record Scalar(String text, boolean implicit, Style style) {}

    /** The style a representer asks for; the emitter may fall back to a quoted style. */
    enum Style {
        PLAIN,
        SINGLE_QUOTED,
        LITERAL
    }

    /** Turns tree leaves into scalars. */
    interface Representer {
        Scalar scalar(Object value);
    }

    private final StringBuilder out = new StringBuilder();
    private final Deque<Integer> indents = new ArrayDeque<>();
    private final Representer representer;
    private Integer indent;
    private int column;
    private boolean whitespace = true;
    private boolean indention = true;
    private int flowLevel;

    BlockEmitter(Representer representer) {
        this.representer = representer;
    }

    String emit(Object root) {
        node(root, false);
        writeIndent();
        return out.toString();
    }

    private void increaseIndent(boolean flow) {
        indents.push(indent == null ? -1 : indent);
        if (indent == null) {
            indent = flow ? BEST_INDENT : 0;
        } else {
            indent += BEST_INDENT;
        }
    }

    private void popIndent() {
        int previous = indents.pop();
        indent = previous < 0 ? null : previous;
    }

    private void node(Object value, boolean simpleKey) {
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
            increaseIndent(true);
            scalar(representer.scalar(value), simpleKey);
            popIndent();
        }
    }

    private void emptyFlow(String open, String close) {
        writeIndicator(open, true, true, false);
        flowLevel++;
        increaseIndent(true);
        popIndent();
        flowLevel--;
        writeIndicator(close, false, false, false);
    }

    private void blockSequence(List<?> list) {
        increaseIndent(false);
        for (Object item : list) {
            writeIndent();
            writeIndicator("-", true, false, true);
            node(item, false);
        }
        popIndent();
    }

    private void blockMapping(Map<?, ?> map) {
        increaseIndent(false);
        for (Map.Entry<?, ?> e : map.entrySet()) {
            writeIndent();
            Scalar key = representer.scalar(String.valueOf(e.getKey()));
            if (isSimpleKey(key)) {
                increaseIndent(true);
                scalar(key, true);
                popIndent();
                writeIndicator(":", false, false, false);
            } else {
                writeIndicator("?", true, false, true);
                increaseIndent(true);
                scalar(key, false);
                popIndent();
                writeIndent();
                writeIndicator(":", true, false, true);
            }
            node(e.getValue(), false);
        }
        popIndent();
    }

    private static boolean isSimpleKey(Scalar key) {
        int[] cps = key.text().codePoints().toArray();
        ScalarAnalysis a = ScalarAnalysis.of(cps);
        return cps.length < 128 && !a.empty() && !a.multiline();
    }

    private void scalar(Scalar scalar, boolean simpleKey) {
        int[] text = scalar.text().codePoints().toArray();
        ScalarAnalysis a = ScalarAnalysis.of(text);
        boolean split = !simpleKey;
        char style = chooseStyle(scalar, a, simpleKey);
        switch (style) {
            case '"' -> ScalarWriter.doubleQuoted(this, text, split);
            case '\'' -> ScalarWriter.singleQuoted(this, text, split);
            case '|' -> ScalarWriter.literal(this, text);
            default -> ScalarWriter.plain(this, text, split);
        }
    }

    private char chooseStyle(Scalar scalar, ScalarAnalysis a, boolean simpleKey) {
        if (scalar.style() == Style.PLAIN && scalar.implicit()) {
            boolean plainAllowed = flowLevel > 0 ? a.allowFlowPlain() : a.allowBlockPlain();
            if (!(simpleKey && (a.empty() || a.multiline())) && plainAllowed) {
                return ' ';
            }
        }
        if (scalar.style() == Style.LITERAL && flowLevel == 0 && !simpleKey && a.allowBlock()) {
            return '|';
        }
        if (scalar.style() != Style.LITERAL
                && a.allowSingleQuoted()
                && !(simpleKey && a.multiline())) {
            return '\'';
        }
        return '"';
    }

    // --- low-level writing, as in PyYAML ---

    int column() {
        return column;
    }

    int bestWidth() {
        return BEST_WIDTH;
    }

    int bestIndent() {
        return BEST_INDENT;
    }

    boolean whitespace() {
        return whitespace;
    }

    void setWhitespace(boolean whitespace) {
        this.whitespace = whitespace;
    }

    void setIndention(boolean indention) {
        this.indention = indention;
    }

    void write(String data) {
        out.append(data);
        column += data.length();
    }

    /** Writes without moving the column (PyYAML's literal-block quirk). */
    void writeRaw(String data) {
        out.append(data);
    }

    void writeIndent() {
        int current = indent == null ? 0 : indent;
        if (!indention || column > current || (column == current && !whitespace)) {
            writeLineBreak();
        }
        if (column < current) {
            whitespace = true;
            write(" ".repeat(current - column));
        }
    }

    void writeLineBreak() {
        whitespace = true;
        indention = true;
        out.append('\n');
        column = 0;
    }

    void writeIndicator(
            String indicator, boolean needWhitespace, boolean whitespaceAfter, boolean indent) {
        String data = whitespace || !needWhitespace ? indicator : " " + indicator;
        whitespace = whitespaceAfter;
        indention = indention && indent;
        write(data);
    }
}
