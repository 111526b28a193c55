package cirrus.yaml;

/**
 * Writes one scalar in a given style with PyYAML's exact folding rules ({@code write_plain}, {@code
 * write_single_quoted}, {@code write_double_quoted}, {@code write_literal}).
 */
final class ScalarWriter {
    private ScalarWriter() {}

    private static String text(int[] s, int start, int end) {
        return new String(s, start, end - start);
    }

    private static void lineBreaks(BlockEmitter e, int[] s, int start, int end) {
        if (s[start] == '\n') {
            e.writeLineBreak();
        }
        for (int i = start; i < end; i++) {
            e.writeLineBreak();
        }
    }

    static void plain(BlockEmitter e, int[] s, boolean split) {
        if (s.length == 0) {
            return;
        }
        if (!e.whitespace()) {
            e.write(" ");
        }
        e.setWhitespace(false);
        e.setIndention(false);
        boolean spaces = false;
        boolean breaks = false;
        int start = 0;
        for (int end = 0; end <= s.length; end++) {
            int ch = end < s.length ? s[end] : -1;
            if (spaces) {
                if (ch != ' ') {
                    if (start + 1 == end && e.column() > e.bestWidth() && split) {
                        e.writeIndent();
                        e.setWhitespace(false);
                        e.setIndention(false);
                    } else {
                        e.write(text(s, start, end));
                    }
                    start = end;
                }
            } else if (breaks) {
                if (ch == -1 || !ScalarAnalysis.isBreak(ch)) {
                    lineBreaks(e, s, start, end);
                    e.writeIndent();
                    e.setWhitespace(false);
                    e.setIndention(false);
                    start = end;
                }
            } else if (ch == -1 || ch == ' ' || ScalarAnalysis.isBreak(ch)) {
                e.write(text(s, start, end));
                start = end;
            }
            if (ch != -1) {
                spaces = ch == ' ';
                breaks = ScalarAnalysis.isBreak(ch);
            }
        }
    }

    static void singleQuoted(BlockEmitter e, int[] s, boolean split) {
        e.writeIndicator("'", true, false, false);
        boolean spaces = false;
        boolean breaks = false;
        int start = 0;
        for (int end = 0; end <= s.length; end++) {
            int ch = end < s.length ? s[end] : -1;
            if (spaces) {
                if (ch != ' ') {
                    if (start + 1 == end
                            && e.column() > e.bestWidth()
                            && split
                            && start != 0
                            && end != s.length) {
                        e.writeIndent();
                    } else {
                        e.write(text(s, start, end));
                    }
                    start = end;
                }
            } else if (breaks) {
                if (ch == -1 || !ScalarAnalysis.isBreak(ch)) {
                    lineBreaks(e, s, start, end);
                    e.writeIndent();
                    start = end;
                }
            } else if (ch == -1 || ch == ' ' || ScalarAnalysis.isBreak(ch) || ch == '\'') {
                if (start < end) {
                    e.write(text(s, start, end));
                    start = end;
                }
            }
            if (ch == '\'') {
                e.write("''");
                start = end + 1;
            }
            if (ch != -1) {
                spaces = ch == ' ';
                breaks = ScalarAnalysis.isBreak(ch);
            }
        }
        e.writeIndicator("'", false, false, false);
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
            case 0x0a:
                return "\\n";
            case 0x0b:
                return "\\v";
            case 0x0c:
                return "\\f";
            case 0x0d:
                return "\\r";
            case 0x1b:
                return "\\e";
            case '"':
                return "\\\"";
            case '\\':
                return "\\\\";
            case 0x85:
                return "\\N";
            case 0xa0:
                return "\\_";
            case 0x2028:
                return "\\L";
            case 0x2029:
                return "\\P";
            default:
                if (ch <= 0xff) {
                    return String.format("\\x%02X", ch);
                }
                return ch <= 0xffff ? String.format("\\u%04X", ch) : String.format("\\U%08X", ch);
        }
    }

    static void doubleQuoted(BlockEmitter e, int[] s, boolean split) {
        e.writeIndicator("\"", true, false, false);
        int start = 0;
        for (int end = 0; end <= s.length; end++) {
            int ch = end < s.length ? s[end] : -1;
            if (ch == -1
                    || ch == '"'
                    || ch == '\\'
                    || ch == 0x85
                    || ch == 0x2028
                    || ch == 0x2029
                    || ch == 0xfeff
                    || !(ch >= 0x20 && ch <= 0x7e)) {
                if (start < end) {
                    e.write(text(s, start, end));
                    start = end;
                }
                if (ch != -1) {
                    e.write(escape(ch));
                    start = end + 1;
                }
            }
            if (end > 0
                    && end < s.length - 1
                    && (ch == ' ' || start >= end)
                    && e.column() + (end - start) > e.bestWidth()
                    && split) {
                String data = text(s, start, end) + "\\";
                if (start < end) {
                    start = end;
                }
                e.write(data);
                e.writeIndent();
                e.setWhitespace(false);
                e.setIndention(false);
                if (s[start] == ' ') {
                    e.write("\\");
                }
            }
        }
        e.writeIndicator("\"", false, false, false);
    }

    static void literal(BlockEmitter e, int[] s) {
        StringBuilder hints = new StringBuilder();
        if (s.length > 0) {
            if (s[0] == ' ' || ScalarAnalysis.isBreak(s[0])) {
                hints.append(e.bestIndent());
            }
            if (!ScalarAnalysis.isBreak(s[s.length - 1])) {
                hints.append('-');
            } else if (s.length == 1 || ScalarAnalysis.isBreak(s[s.length - 2])) {
                hints.append('+');
            }
        }
        e.writeIndicator("|" + hints, true, false, false);
        e.writeLineBreak();
        boolean breaks = true;
        int start = 0;
        for (int end = 0; end <= s.length; end++) {
            int ch = end < s.length ? s[end] : -1;
            if (breaks) {
                if (ch == -1 || !ScalarAnalysis.isBreak(ch)) {
                    for (int i = start; i < end; i++) {
                        e.writeLineBreak();
                    }
                    if (ch != -1) {
                        e.writeIndent();
                    }
                    start = end;
                }
            } else if (ch == -1 || ScalarAnalysis.isBreak(ch)) {
                e.writeRaw(text(s, start, end));
                if (ch == -1) {
                    e.writeLineBreak();
                }
                start = end;
            }
            if (ch != -1) {
                breaks = ScalarAnalysis.isBreak(ch);
            }
        }
    }
}
