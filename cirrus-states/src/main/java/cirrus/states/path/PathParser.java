package cirrus.states.path;

import java.util.ArrayList;
import java.util.List;

/** Recursive-descent parser of the JSONPath subset; see {@link Path}. */
final class PathParser {
    final String text;
    int pos;

    PathParser(String text) {
        this.text = text;
    }

    Path parse() throws PathSyntaxException {
        if (text.isEmpty() || text.charAt(0) != '$') {
            throw error("a path must start with '$'");
        }
        pos = 1;
        Path.Root root = Path.Root.INPUT;
        if (pos < text.length() && text.charAt(pos) == '$') {
            root = Path.Root.CONTEXT;
            pos++;
        }
        List<Segment> segments = segments(false);
        if (pos < text.length()) {
            throw error("unexpected '" + text.charAt(pos) + "'");
        }
        return new Path(text, root, segments);
    }

    /** Segments until the end, or (inside a filter) until a character that ends an operand. */
    List<Segment> segments(boolean inFilter) throws PathSyntaxException {
        List<Segment> segments = new ArrayList<>();
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '.') {
                if (peek(1) == '.') {
                    pos += 2;
                    segments.add(new Segment.DeepScan(afterDot(inFilter)));
                } else {
                    pos++;
                    segments.add(afterDot(inFilter));
                }
            } else if (c == '[') {
                segments.add(bracket());
            } else if (inFilter) {
                break;
            } else {
                throw error("expected '.' or '[' but found '" + c + "'");
            }
        }
        return segments;
    }

    private Segment afterDot(boolean inFilter) throws PathSyntaxException {
        if (pos < text.length() && text.charAt(pos) == '*') {
            pos++;
            return new Segment.Wildcard();
        }
        if (pos < text.length() && text.charAt(pos) == '[') {
            return bracket();
        }
        StringBuilder name = new StringBuilder();
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '\\' && pos + 1 < text.length()) {
                name.append(text.charAt(pos + 1));
                pos += 2;
                continue;
            }
            if (c == '.' || c == '[' || (inFilter && " )=!<>&|".indexOf(c) >= 0)) {
                break;
            }
            if (c == '(' || c == ')') {
                throw error("functions and parentheses are not supported in paths");
            }
            name.append(c);
            pos++;
        }
        if (name.length() == 0) {
            throw error("empty field name");
        }
        return new Segment.Field(name.toString());
    }

    private Segment bracket() throws PathSyntaxException {
        pos++; // '['
        skipSpaces();
        if (pos >= text.length()) {
            throw error("unclosed '['");
        }
        char c = text.charAt(pos);
        Segment segment;
        if (c == '*') {
            pos++;
            segment = new Segment.Wildcard();
        } else if (c == '\'' || c == '"') {
            List<Segment> names = new ArrayList<>();
            names.add(new Segment.Field(quoted()));
            skipSpaces();
            while (pos < text.length() && text.charAt(pos) == ',') {
                pos++;
                skipSpaces();
                names.add(new Segment.Field(quoted()));
                skipSpaces();
            }
            segment = names.size() == 1 ? names.get(0) : new Segment.Union(names);
        } else if (c == '?') {
            pos++;
            skipSpaces();
            expect('(');
            FilterExpression expression = new FilterParser(this).or();
            skipSpaces();
            expect(')');
            segment = new Segment.Filter(expression);
        } else {
            segment = numeric();
        }
        skipSpaces();
        expect(']');
        return segment;
    }

    private Segment numeric() throws PathSyntaxException {
        Integer first = optionalInt();
        skipSpaces();
        if (pos < text.length() && text.charAt(pos) == ':') {
            pos++;
            skipSpaces();
            Integer end = optionalInt();
            skipSpaces();
            int step = 1;
            if (pos < text.length() && text.charAt(pos) == ':') {
                pos++;
                skipSpaces();
                Integer s = optionalInt();
                step = s == null ? 1 : s;
                if (step == 0) {
                    throw error("slice step cannot be zero");
                }
            }
            return new Segment.Slice(first, end, step);
        }
        if (first == null) {
            throw error("expected an index, a quoted name, '*' or '?(' after '['");
        }
        List<Segment> indexes = new ArrayList<>();
        indexes.add(new Segment.Index(first));
        while (pos < text.length() && text.charAt(pos) == ',') {
            pos++;
            skipSpaces();
            Integer next = optionalInt();
            if (next == null) {
                throw error("expected an index after ','");
            }
            indexes.add(new Segment.Index(next));
            skipSpaces();
        }
        return indexes.size() == 1 ? indexes.get(0) : new Segment.Union(indexes);
    }

    private Integer optionalInt() throws PathSyntaxException {
        int start = pos;
        if (pos < text.length() && text.charAt(pos) == '-') {
            pos++;
        }
        while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
            pos++;
        }
        String digits = text.substring(start, pos);
        if (digits.isEmpty()) {
            return null;
        }
        try {
            return Integer.valueOf(digits);
        } catch (NumberFormatException e) {
            throw error("bad index '" + digits + "'");
        }
    }

    String quoted() throws PathSyntaxException {
        if (pos >= text.length() || (text.charAt(pos) != '\'' && text.charAt(pos) != '"')) {
            throw error("expected a quoted name");
        }
        char quote = text.charAt(pos++);
        StringBuilder out = new StringBuilder();
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (c == '\\' && pos < text.length()) {
                out.append(text.charAt(pos++));
            } else if (c == quote) {
                return out.toString();
            } else {
                out.append(c);
            }
        }
        throw error("unclosed quote");
    }

    void expect(char c) throws PathSyntaxException {
        if (pos >= text.length() || text.charAt(pos) != c) {
            throw error("expected '" + c + "'");
        }
        pos++;
    }

    void skipSpaces() {
        while (pos < text.length() && text.charAt(pos) == ' ') {
            pos++;
        }
    }

    char peek(int offset) {
        return pos + offset < text.length() ? text.charAt(pos + offset) : '\0';
    }

    PathSyntaxException error(String why) {
        return new PathSyntaxException(
                "invalid path '" + text + "': " + why + " (at character " + (pos + 1) + ")");
    }
}
