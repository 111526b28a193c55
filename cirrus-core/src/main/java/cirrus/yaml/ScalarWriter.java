package cirrus.yaml;

import static cirrus.yaml.ScalarAnalysis.isBreak;

/**
 * Writes one scalar in a chosen style with PyYAML's line folding: plain and quoted scalars break at
 * a single space once the line is past {@link EmitterOutput#BEST_WIDTH}; literal blocks keep their
 * lines and get chomping/indentation hints.
 */
final class ScalarWriter {
    private final EmitterOutput out;

    ScalarWriter(EmitterOutput out) {
        this.out = out;
    }

    void plain(String text, boolean split, boolean rootContext) {
        if (rootContext) {
            out.openEnded = true;
        }
        if (text.length() == 0) {
            return;
        }
        if (!out.whitespace) {
            out.write(" ");
        }
        out.whitespace = false;
        out.indention = false;
        boolean spaces = false;
        boolean breaks = false;
        int start = 0;
        for (int end = 0; end <= text.length(); end++) {
            int ch = end < text.length() ? text.charAt(end) : -1;
            if (spaces) {
                if (ch != ' ') {
                    if (start + 1 == end && out.column > EmitterOutput.BEST_WIDTH && split) {
                        out.writeIndent();
                        out.whitespace = false;
                        out.indention = false;
                    } else {
                        out.write(text, start, end);
                    }
                    start = end;
                }
            } else if (breaks) {
                if (!isBreak(ch)) {
                    if (text.charAt(start) == '\n') {
                        out.writeLineBreak();
                    }
                    lineBreaks(text, start, end);
                    out.writeIndent();
                    out.whitespace = false;
                    out.indention = false;
                    start = end;
                }
            } else if (ch == -1 || ch == ' ' || isBreak(ch)) {
                out.write(text, start, end);
                start = end;
            }
            if (ch != -1) {
                spaces = ch == ' ';
                breaks = isBreak(ch);
            }
        }
    }

    void singleQuoted(String text, boolean split) {
        out.writeIndicator("'", true, false, false);
        boolean spaces = false;
        boolean breaks = false;
        int start = 0;
        for (int end = 0; end <= text.length(); end++) {
            int ch = end < text.length() ? text.charAt(end) : -1;
            if (spaces) {
                if (ch != ' ') {
                    if (start + 1 == end
                            && out.column > EmitterOutput.BEST_WIDTH
                            && split
                            && start != 0
                            && end != text.length()) {
                        out.writeIndent();
                    } else {
                        out.write(text, start, end);
                    }
                    start = end;
                }
            } else if (breaks) {
                if (ch == -1 || !isBreak(ch)) {
                    if (text.charAt(start) == '\n') {
                        out.writeLineBreak();
                    }
                    lineBreaks(text, start, end);
                    out.writeIndent();
                    start = end;
                }
            } else if ((ch == -1 || ch == ' ' || isBreak(ch) || ch == '\'') && start < end) {
                out.write(text, start, end);
                start = end;
            }
            if (ch == '\'') {
                out.write("''");
                start = end + 1;
            }
            if (ch != -1) {
                spaces = ch == ' ';
                breaks = isBreak(ch);
            }
        }
        out.writeIndicator("'", false, false, false);
    }

    void doubleQuoted(String scalar, boolean split) {
        int[] text = scalar.codePoints().toArray();
        out.writeIndicator("\"", true, false, false);
        int start = 0;
        for (int end = 0; end <= text.length; end++) {
            int ch = end < text.length ? text[end] : -1;
            if (ch == -1 || needsEscape(ch)) {
                if (start < end) {
                    out.write(text, start, end);
                    start = end;
                }
                if (ch != -1) {
                    out.write(escape(ch));
                    start = end + 1;
                }
            }
            if (0 < end
                    && end < text.length - 1
                    && (ch == ' ' || start >= end)
                    && out.column + (end - start) > EmitterOutput.BEST_WIDTH
                    && split) {
                if (start < end) {
                    out.write(text, start, end);
                    start = end;
                }
                out.write("\\");
                out.writeIndent();
                out.whitespace = false;
                out.indention = false;
                if (text[start] == ' ') {
                    out.write("\\");
                }
            }
        }
        out.writeIndicator("\"", false, false, false);
    }

    private static boolean needsEscape(int ch) {
        return ch == '"'
                || ch == '\\'
                || ch == 0x85
                || ch == 0x2028
                || ch == 0x2029
                || ch == 0xFEFF
                || !(ch >= 0x20 && ch <= 0x7E);
    }

    private static String escape(int ch) {
        switch (ch) {
            case 0:
                return "\\0";
            case 0x07:
                return "\\a";
            case 0x08:
                return "\\b";
            case 0x09:
                return "\\t";
            case 0x0A:
                return "\\n";
            case 0x0B:
                return "\\v";
            case 0x0C:
                return "\\f";
            case 0x0D:
                return "\\r";
            case 0x1B:
                return "\\e";
            case '"':
                return "\\\"";
            case '\\':
                return "\\\\";
            case 0x85:
                return "\\N";
            case 0xA0:
                return "\\_";
            case 0x2028:
                return "\\L";
            case 0x2029:
                return "\\P";
            default:
                if (ch <= 0xFF) {
                    return String.format("\\x%02X", ch);
                } else if (ch <= 0xFFFF) {
                    return String.format("\\u%04X", ch);
                }
                return String.format("\\U%08X", ch);
        }
    }

    void literal(String text) {
        String hints = blockHints(text);
        out.writeIndicator("|" + hints, true, false, false);
        if (hints.endsWith("+")) {
            out.openEnded = true;
        }
        out.writeLineBreak();
        boolean breaks = true;
        int start = 0;
        for (int end = 0; end <= text.length(); end++) {
            int ch = end < text.length() ? text.charAt(end) : -1;
            if (breaks) {
                if (ch == -1 || !isBreak(ch)) {
                    lineBreaks(text, start, end);
                    if (ch != -1) {
                        out.writeIndent();
                    }
                    start = end;
                }
            } else if (ch == -1 || isBreak(ch)) {
                out.writeUncounted(text, start, end);
                if (ch == -1) {
                    out.writeLineBreak();
                }
                start = end;
            }
            if (ch != -1) {
                breaks = isBreak(ch);
            }
        }
    }

    private static String blockHints(String text) {
        StringBuilder hints = new StringBuilder();
        if (text.length() > 0) {
            int first = text.charAt(0);
            if (first == ' ' || isBreak(first)) {
                hints.append(EmitterOutput.BEST_INDENT);
            }
            int last = text.charAt(text.length() - 1);
            if (!isBreak(last)) {
                hints.append('-');
            } else if (text.length() == 1 || isBreak(text.charAt(text.length() - 2))) {
                hints.append('+');
            }
        }
        return hints.toString();
    }

    private void lineBreaks(String text, int start, int end) {
        for (int i = start; i < end; i++) {
            out.writeLineBreak(text.charAt(i));
        }
    }
}
