package cirrus.yaml;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The character sink of {@link YamlWriter} with the bookkeeping PyYAML's emitter keeps (column,
 * "last character was whitespace", "we are in indentation", the indentation stack), so that line
 * breaks and padding come out exactly where PyYAML puts them. Columns count code points, as Python
 * does.
 */
final class EmitterOutput {
    /** Spaces per indentation level ({@code yaml.dump} default). */
    static final int BEST_INDENT = 2;

    /** Preferred line width ({@code yaml.dump} default). */
    static final int BEST_WIDTH = 80;

    private static final int NONE = -1;

    private final StringBuilder out;
    private final Deque<Integer> indents = new ArrayDeque<>();
    private int indent = NONE;
    int column;
    boolean whitespace = true;
    boolean indention = true;
    boolean openEnded;

    EmitterOutput(StringBuilder out) {
        this.out = out;
    }

    int indent() {
        return indent == NONE ? 0 : indent;
    }

    /**
     * Pushes a level. Block sequences are never "indentless": cfn-flip's dumper indents them under
     * their key.
     */
    void increaseIndent(boolean flow) {
        indents.push(indent);
        if (indent == NONE) {
            indent = flow ? BEST_INDENT : 0;
        } else {
            indent += BEST_INDENT;
        }
    }

    void popIndent() {
        indent = indents.pop();
    }

    void writeIndicator(
            String indicator, boolean needWhitespace, boolean isWhitespace, boolean isIndention) {
        String data = whitespace || !needWhitespace ? indicator : " " + indicator;
        whitespace = isWhitespace;
        indention = indention && isIndention;
        column += data.length();
        openEnded = false;
        out.append(data);
    }

    void writeIndent() {
        int target = indent();
        if (!indention || column > target || (column == target && !whitespace)) {
            writeLineBreak();
        }
        if (column < target) {
            whitespace = true;
            for (int i = column; i < target; i++) {
                out.append(' ');
            }
            column = target;
        }
    }

    void writeLineBreak() {
        writeLineBreak('\n');
    }

    void writeLineBreak(int codePoint) {
        whitespace = true;
        indention = true;
        column = 0;
        out.appendCodePoint(codePoint);
    }

    /** Writes code points {@code [start, end)} of {@code text}, advancing the column. */
    void write(int[] text, int start, int end) {
        for (int i = start; i < end; i++) {
            out.appendCodePoint(text[i]);
        }
        column += end - start;
    }

    /** Writes ASCII text, advancing the column. */
    void write(String ascii) {
        out.append(ascii);
        column += ascii.length();
    }

    /** Writes chars {@code [start, end)} of {@code text}, advancing the column. */
    void write(String text, int start, int end) {
        out.append(text, start, end);
        column += end - start;
    }

    /** Writes chars without moving the column (literal block content, as PyYAML does). */
    void writeUncounted(String text, int start, int end) {
        out.append(text, start, end);
    }
}
