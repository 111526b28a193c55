package cirrus.runtime.payload;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Recursive-descent parser of {@link ChainFilter} expressions. */
final class ChainFilterParser {
    private final String s;
    private int pos;

    ChainFilterParser(String s) {
        this.s = s;
    }

    ChainFilter.Node or() {
        ChainFilter.Node left = and();
        while (consume("|")) {
            left = new ChainFilter.Or(left, and());
        }
        return left;
    }

    ChainFilter.Node and() {
        ChainFilter.Node left = term();
        while (consume("&")) {
            left = new ChainFilter.And(left, term());
        }
        return left;
    }

    ChainFilter.Node term() {
        if (consume("(")) {
            ChainFilter.Node inner = or();
            if (!consume(")")) {
                throw error("missing ')'");
            }
            return inner;
        }
        List<Object> path = path();
        skipSpaces();
        String op = operator();
        if (op == null) {
            return new ChainFilter.Exists(path);
        }
        Object literal = literal();
        if (op.equals("=~")) {
            if (!(literal instanceof String regex)) {
                throw error("=~ needs a quoted regular expression");
            }
            try {
                return new ChainFilter.Compare(path, op, Pattern.compile(regex));
            } catch (PatternSyntaxException e) {
                throw error("bad regular expression '" + regex + "'");
            }
        }
        return new ChainFilter.Compare(path, op, literal);
    }

    List<Object> path() {
        skipSpaces();
        if (!consume("@")) {
            throw error("expected '@' (the current feature)");
        }
        List<Object> path = new ArrayList<>();
        while (pos < s.length()) {
            char c = s.charAt(pos);
            if (c == '.') {
                pos++;
                path.add(peekQuote() ? quoted() : name());
            } else if (c == '[') {
                pos++;
                skipSpaces();
                if (peekQuote()) {
                    path.add(quoted());
                } else {
                    int start = pos;
                    while (pos < s.length()
                            && (s.charAt(pos) == '-' || Character.isDigit(s.charAt(pos)))) {
                        pos++;
                    }
                    try {
                        path.add(Integer.parseInt(s.substring(start, pos)));
                    } catch (NumberFormatException e) {
                        throw error("expected an index or a quoted name after '['");
                    }
                }
                skipSpaces();
                if (!consume("]")) {
                    throw error("missing ']'");
                }
            } else {
                break;
            }
        }
        return path;
    }

    String name() {
        int start = pos;
        while (pos < s.length()) {
            char c = s.charAt(pos);
            if (Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == ':' || c == '@') {
                pos++;
            } else {
                break;
            }
        }
        if (start == pos) {
            throw error("expected a field name");
        }
        return s.substring(start, pos);
    }

    boolean peekQuote() {
        return pos < s.length() && (s.charAt(pos) == '\'' || s.charAt(pos) == '"');
    }

    String quoted() {
        char quote = s.charAt(pos++);
        StringBuilder out = new StringBuilder();
        while (pos < s.length() && s.charAt(pos) != quote) {
            char c = s.charAt(pos++);
            if (c == '\\' && pos < s.length()) {
                c = s.charAt(pos++);
            }
            out.append(c);
        }
        if (pos >= s.length()) {
            throw error("unterminated string");
        }
        pos++;
        return out.toString();
    }

    String operator() {
        for (String op : List.of("=~", "==", "!=", "<=", ">=", "<", ">", "=")) {
            if (s.startsWith(op, pos)) {
                pos += op.length();
                return op;
            }
        }
        return null;
    }

    Object literal() {
        skipSpaces();
        if (peekQuote()) {
            return quoted();
        }
        int start = pos;
        while (pos < s.length()
                && "&|()".indexOf(s.charAt(pos)) < 0
                && !Character.isWhitespace(s.charAt(pos))) {
            pos++;
        }
        String word = s.substring(start, pos);
        switch (word) {
            case "true":
                return Boolean.TRUE;
            case "false":
                return Boolean.FALSE;
            case "null":
                return ChainFilter.JsonNodeNull.NULL;
            default:
                try {
                    if (word.matches("[-+]?\\d+")) {
                        return new BigInteger(word);
                    }
                    return new BigDecimal(word);
                } catch (NumberFormatException e) {
                    throw error("expected a quoted string, a number, true, false or null");
                }
        }
    }

    boolean consume(String token) {
        skipSpaces();
        if (s.startsWith(token, pos)) {
            pos += token.length();
            return true;
        }
        return false;
    }

    void skipSpaces() {
        while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
            pos++;
        }
    }

    boolean atEnd() {
        return pos >= s.length();
    }

    String rest() {
        return s.substring(pos);
    }

    IllegalArgumentException error(String message) {
        return new IllegalArgumentException(message + " at character " + (pos + 1));
    }
}
