package cirrus.states.path;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A parsed intrinsic function invocation such as {@code States.Format('{} x', $.a)}.
 *
 * @param name the function name, e.g. {@code States.Format}
 * @param arguments the arguments as written
 * @see <a href="https://states-language.net/spec.html#intrinsic-functions">Intrinsic Functions</a>
 */
public record IntrinsicCall(String name, List<Argument> arguments) {
    public IntrinsicCall {
        arguments = List.copyOf(arguments);
    }

    /** Parses an intrinsic function invocation; the function must exist and fit its arity. */
    public static IntrinsicCall parse(String text) throws PathSyntaxException {
        return new IntrinsicParser(text).parse();
    }

    /** An argument as written: a literal, a path, or a nested call. */
    public sealed interface Argument {}

    /**
     * A string, number, boolean or null literal.
     *
     * @param value the decoded value
     * @param formatParts for a string literal, its text split at the unescaped {@code {}}
     *     placeholders (so {@code States.Format} can tell them from escaped braces); empty for
     *     other literals
     */
    public record Literal(JsonNode value, List<String> formatParts) implements Argument {
        public Literal {
            formatParts = List.copyOf(formatParts);
        }
    }

    /** A path applied to the template's input ({@code $}) or the Context Object ({@code $$}). */
    public record PathArgument(Path path) implements Argument {}

    /** A nested invocation. */
    public record Call(IntrinsicCall call) implements Argument {}
}
