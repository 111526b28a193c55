package cirrus.states.path;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import cirrus.states.json.Json;

/** Parses intrinsic function invocations; see {@link IntrinsicCall}. */
final class IntrinsicParser {
    /** AWS allows at most 10 nested intrinsic functions in one field. */
    static final int MAX_NESTING = 10;

    private final String text;
    private int pos;

    IntrinsicParser(String text) {
        this.text = text;
    }

    IntrinsicCall parse() throws PathSyntaxException {
        IntrinsicCall call = call(1);
        skipSpaces();
        if (pos < text.length()) {
            throw error("unexpected text after the closing ')'");
        }
        return call;
    }

    private IntrinsicCall call(int depth) throws PathSyntaxException {
        if (depth > MAX_NESTING) {
            throw error("intrinsic functions nest at most " + MAX_NESTING + " deep");
        }
        int start = pos;
        while (pos < text.length()
                && (Character.isLetterOrDigit(text.charAt(pos))
                        || text.charAt(pos) == '.'
                        || text.charAt(pos) == '_')) {
            pos++;
        }
        String name = text.substring(start, pos);
        if (name.isEmpty()) {
            throw error("expected an intrinsic function name");
        }
        if (pos >= text.length() || text.charAt(pos) != '(') {
            throw error("expected '(' after " + name);
        }
        pos++;
        List<IntrinsicCall.Argument> arguments = new ArrayList<>();
        skipSpaces();
        if (pos < text.length() && text.charAt(pos) == ')') {
            pos++;
        } else {
            while (true) {
                skipSpaces();
                arguments.add(argument(depth));
                skipSpaces();
                if (pos >= text.length()) {
                    throw error("missing ')' to close " + name);
                }
                char c = text.charAt(pos++);
                if (c == ')') {
                    break;
                }
                if (c != ',') {
                    throw error("expected ',' or ')' in the arguments of " + name);
                }
            }
        }
        IntrinsicFunctions.Function function = IntrinsicFunctions.lookup(name);
        if (function == null) {
            throw error("unknown intrinsic function '" + name + "'");
        }
        if (arguments.size() < function.minArgs() || arguments.size() > function.maxArgs()) {
            throw error(name + " takes " + function.arity() + ", not " + arguments.size());
        }
        return new IntrinsicCall(name, arguments);
    }

    private IntrinsicCall.Argument argument(int depth) throws PathSyntaxException {
        if (pos >= text.length()) {
            throw error("expected an argument");
        }
        char c = text.charAt(pos);
        if (c == '\'') {
            return string();
        }
        if (c == '$') {
            return new IntrinsicCall.PathArgument(Path.parse(pathText()));
        }
        if (c == '-' || Character.isDigit(c)) {
            return literal(word());
        }
        String word = word();
        if (word.equals("null") || word.equals("true") || word.equals("false")) {
            return literal(word);
        }
        pos -= word.length();
        return new IntrinsicCall.Call(call(depth + 1));
    }

    private IntrinsicCall.Argument literal(String word) throws PathSyntaxException {
        try {
            JsonNode value = Json.parse(word);
            if (value.isContainerNode() || value.isTextual()) {
                throw error("bad literal '" + word + "'");
            }
            return new IntrinsicCall.Literal(value, List.of());
        } catch (JsonProcessingException e) {
            throw error("bad literal '" + word + "'");
        }
    }

    private String word() {
        int start = pos;
        while (pos < text.length()
                && (Character.isLetterOrDigit(text.charAt(pos))
                        || "-+.eE".indexOf(text.charAt(pos)) >= 0)) {
            pos++;
        }
        return text.substring(start, pos);
    }

    /** A {@code '...'} literal with the escapes {@code \' \{ \} \\}. */
    private IntrinsicCall.Argument string() throws PathSyntaxException {
        pos++;
        StringBuilder value = new StringBuilder();
        StringBuilder part = new StringBuilder();
        List<String> parts = new ArrayList<>();
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (c == '\\') {
                if (pos >= text.length() || "'{}\\".indexOf(text.charAt(pos)) < 0) {
                    throw error("open escape '\\' in a string literal (escape only ' { } \\)");
                }
                value.append(text.charAt(pos));
                part.append(text.charAt(pos));
                pos++;
            } else if (c == '\'') {
                parts.add(part.toString());
                return new IntrinsicCall.Literal(Json.NODES.textNode(value.toString()), parts);
            } else if (c == '{' && pos < text.length() && text.charAt(pos) == '}') {
                pos++;
                value.append("{}");
                parts.add(part.toString());
                part.setLength(0);
            } else {
                value.append(c);
                part.append(c);
            }
        }
        throw error("unclosed string literal");
    }

    /** The text of a path argument: up to a ',' or ')' outside brackets and quotes. */
    private String pathText() {
        int start = pos;
        int depth = 0;
        char quote = 0;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (quote != 0) {
                if (c == '\\') {
                    pos++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '[' || c == '(') {
                depth++;
            } else if (c == ']' || (c == ')' && depth > 0)) {
                depth--;
            } else if (depth == 0 && (c == ',' || c == ')')) {
                break;
            }
            pos++;
        }
        return text.substring(start, pos).strip();
    }

    private void skipSpaces() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private PathSyntaxException error(String why) {
        return new PathSyntaxException(
                "invalid intrinsic function '"
                        + text
                        + "': "
                        + why
                        + " (at character "
                        + (pos + 1)
                        + ")");
    }
}
