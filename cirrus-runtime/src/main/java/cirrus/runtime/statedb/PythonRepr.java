package cirrus.runtime.statedb;

import java.util.List;

/**
 * Python's {@code repr()} of a list of strings ({@code ['a', 'b']}), needed to derive execution
 * names exactly as cirrus v1 does. Follows CPython: single quotes unless the text contains a single
 * quote and no double quote; escapes backslash, the quote, {@code \t \n \r} and other non-printable
 * characters.
 */
final class PythonRepr {
    private PythonRepr() {}

    static String ofStrings(List<String> values) {
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.append(", ");
            }
            appendString(out, values.get(i));
        }
        return out.append(']').toString();
    }

    static void appendString(StringBuilder out, String value) {
        char quote = value.indexOf('\'') >= 0 && value.indexOf('"') < 0 ? '"' : '\'';
        out.append(quote);
        value.codePoints()
                .forEach(
                        cp -> {
                            if (cp == quote || cp == '\\') {
                                out.append('\\').appendCodePoint(cp);
                            } else if (cp == '\t') {
                                out.append("\\t");
                            } else if (cp == '\n') {
                                out.append("\\n");
                            } else if (cp == '\r') {
                                out.append("\\r");
                            } else if (cp < 0x20 || cp == 0x7f) {
                                out.append(String.format("\\x%02x", cp));
                            } else {
                                out.appendCodePoint(cp);
                            }
                        });
        out.append(quote);
    }
}
