package cirrus.resolve;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The body of a serverless variable: a reference followed by fallbacks tried in order, e.g. {@code
 * opt:stage, self:provider.stage, 'dev'}.
 *
 * @param candidates the reference first, then each fallback
 */
record VariableExpression(List<Candidate> candidates) {

    /** One alternative of a variable body. */
    sealed interface Candidate permits Reference, Literal, Nested {}

    /**
     * A lookup in a variable source, e.g. {@code self:custom.batch} or {@code file(x.yml):key}.
     *
     * @param source the source name ({@code self}, {@code opt}, {@code env}, ...)
     * @param parameter the text in parentheses after the source, or {@code null}
     * @param address what to look up; may itself contain variables
     */
    record Reference(String source, String parameter, String address) implements Candidate {}

    /**
     * A constant fallback: a quoted string, a number, a boolean, {@code null} or a bare word.
     *
     * @param value the constant
     */
    record Literal(Object value) implements Candidate {}

    /**
     * A fallback that is itself a whole variable, e.g. {@code ${self:provider.stage}}.
     *
     * @param text the variable including {@code ${} and {@code }}
     */
    record Nested(String text) implements Candidate {}

    private static final Pattern REFERENCE =
            Pattern.compile("([a-z][a-zA-Z0-9]*)(?:\\((.*?)\\))?:(.*)", Pattern.DOTALL);
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");

    /**
     * Parses a variable body.
     *
     * @throws MalformedVariableException when the first part is not a source reference
     */
    static VariableExpression parse(String body) {
        List<String> parts = splitTopLevel(body);
        List<Candidate> candidates = new ArrayList<>(parts.size());
        String first = parts.get(0).trim();
        Matcher m = REFERENCE.matcher(first);
        if (!m.matches()) {
            throw new MalformedVariableException(
                    "'${"
                            + body
                            + "}' is not a variable: write ${source:address}, e.g. ${self:custom.x}");
        }
        candidates.add(new Reference(m.group(1), m.group(2), m.group(3)));
        for (String raw : parts.subList(1, parts.size())) {
            candidates.add(fallback(raw.trim()));
        }
        return new VariableExpression(candidates);
    }

    private static Candidate fallback(String text) {
        if (text.length() >= 2
                && (text.charAt(0) == '\'' || text.charAt(0) == '"')
                && text.charAt(text.length() - 1) == text.charAt(0)) {
            return new Literal(text.substring(1, text.length() - 1));
        }
        if (text.startsWith("${") && VariableToken.closingBrace(text, 2) == text.length() - 1) {
            return new Nested(text);
        }
        if (NUMBER.matcher(text).matches()) {
            return new Literal(
                    text.contains(".")
                            ? (Object) Double.valueOf(text)
                            : (Object) Long.valueOf(text));
        }
        if (text.equals("true") || text.equals("false")) {
            return new Literal(Boolean.valueOf(text));
        }
        if (text.equals("null")) {
            return new Literal(null);
        }
        Matcher m = REFERENCE.matcher(text);
        if (m.matches() && VariableToken.opensVariable("${" + text, 2)) {
            return new Reference(m.group(1), m.group(2), m.group(3));
        }
        return new Literal(text);
    }

    /** Splits at commas that are outside quotes and nested variables. */
    private static List<String> splitTopLevel(String body) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        char quote = 0;
        int from = 0;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '$' && i + 1 < body.length() && body.charAt(i + 1) == '{') {
                depth++;
                i++;
            } else if (c == '}') {
                depth--;
            } else if (c == ',' && depth == 0) {
                parts.add(body.substring(from, i));
                from = i + 1;
            }
        }
        parts.add(body.substring(from));
        return parts;
    }
}
