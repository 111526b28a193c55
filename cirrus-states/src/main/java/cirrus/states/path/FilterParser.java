package cirrus.states.path;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import cirrus.states.json.Json;

/**
 * Parses the predicate inside a filter segment {@code [?( )]}, sharing the path parser's cursor.
 */
final class FilterParser {
    private final PathParser p;

    FilterParser(PathParser parser) {
        this.p = parser;
    }

    FilterExpression or() throws PathSyntaxException {
        FilterExpression left = and();
        while (consume("||")) {
            left = new FilterExpression.Or(left, and());
        }
        return left;
    }

    private FilterExpression and() throws PathSyntaxException {
        FilterExpression left = unary();
        while (consume("&&")) {
            left = new FilterExpression.And(left, unary());
        }
        return left;
    }

    private FilterExpression unary() throws PathSyntaxException {
        p.skipSpaces();
        if (p.pos < p.text.length() && p.text.charAt(p.pos) == '!' && p.peek(1) != '=') {
            p.pos++;
            return new FilterExpression.Not(unary());
        }
        if (p.pos < p.text.length() && p.text.charAt(p.pos) == '(') {
            p.pos++;
            FilterExpression inner = or();
            p.skipSpaces();
            p.expect(')');
            return inner;
        }
        FilterExpression.Operand left = operand();
        p.skipSpaces();
        for (String op : new String[] {"==", "!=", "<=", ">=", "=~", "<", ">"}) {
            if (consume(op)) {
                p.skipSpaces();
                FilterExpression.Operand right = operand();
                if (op.equals("=~") && !(right instanceof FilterExpression.Operand.Regex)) {
                    throw p.error("'=~' needs a /regex/ on its right");
                }
                return new FilterExpression.Compare(left, op, right);
            }
        }
        if (!(left instanceof FilterExpression.Operand.PathOperand)) {
            throw p.error("a filter term must be a comparison or a path");
        }
        return new FilterExpression.Exists(left);
    }

    private FilterExpression.Operand operand() throws PathSyntaxException {
        p.skipSpaces();
        if (p.pos >= p.text.length()) {
            throw p.error("unexpected end of filter");
        }
        char c = p.text.charAt(p.pos);
        if (c == '@' || c == '$') {
            p.pos++;
            return new FilterExpression.Operand.PathOperand(c == '@', p.segments(true));
        }
        if (c == '\'' || c == '"') {
            return new FilterExpression.Operand.Literal(Json.NODES.textNode(p.quoted()));
        }
        if (c == '/') {
            return regex();
        }
        int start = p.pos;
        while (p.pos < p.text.length() && " )=!<>&|".indexOf(p.text.charAt(p.pos)) < 0) {
            p.pos++;
        }
        String word = p.text.substring(start, p.pos);
        try {
            JsonNode literal = Json.parse(word);
            if (literal.isContainerNode()) {
                throw p.error("unsupported filter literal '" + word + "'");
            }
            return new FilterExpression.Operand.Literal(literal);
        } catch (JsonProcessingException e) {
            throw p.error("unsupported filter literal '" + word + "'");
        }
    }

    private FilterExpression.Operand regex() throws PathSyntaxException {
        int end = p.text.indexOf('/', p.pos + 1);
        if (end < 0) {
            throw p.error("unclosed regex");
        }
        String body = p.text.substring(p.pos + 1, end);
        p.pos = end + 1;
        int flags = 0;
        if (p.pos < p.text.length() && p.text.charAt(p.pos) == 'i') {
            flags = Pattern.CASE_INSENSITIVE;
            p.pos++;
        }
        try {
            return new FilterExpression.Operand.Regex(Pattern.compile(body, flags));
        } catch (PatternSyntaxException e) {
            throw p.error("bad regex: " + e.getDescription());
        }
    }

    private boolean consume(String token) {
        p.skipSpaces();
        if (p.text.startsWith(token, p.pos)) {
            p.pos += token.length();
            return true;
        }
        return false;
    }
}
