package cirrus.states.run;

import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;

import cirrus.states.ErrorNames;
import cirrus.states.StatesFailure;
import cirrus.states.json.Json;
import cirrus.states.model.DataFlow;
import cirrus.states.path.EvalContext;
import cirrus.states.path.Path;
import cirrus.states.path.Segment;

/**
 * Input and output processing of the JSONPath dialect: InputPath → Parameters → (work) →
 * ResultSelector → ResultPath → OutputPath.
 *
 * @see <a href="https://states-language.net/spec.html#filters">Input and Output Processing</a>
 */
final class Io {
    private Io() {}

    /**
     * Applies an InputPath or OutputPath: null gives {@code {}}, a path that selects nothing fails
     * the state with {@code States.Runtime}.
     */
    static JsonNode select(Path path, JsonNode data, Supplier<JsonNode> context) {
        if (path == null) {
            return Json.object();
        }
        if (path.isRoot()) {
            return data;
        }
        JsonNode value = path.find(data, context);
        if (value == null) {
            throw noResults(path);
        }
        return value;
    }

    /**
     * The {@code States.Runtime} failure of a path that must select something, in AWS's words:
     * {@code Invalid path '$.a' : No results for path: $['a']}.
     */
    static StatesFailure noResults(Path path) {
        return new StatesFailure(
                ErrorNames.RUNTIME,
                "Invalid path '" + path.text() + "' : No results for path: " + normalized(path));
    }

    /** {@code $.a[0].b} as {@code $['a'][0]['b']}; paths with other segments as written. */
    private static String normalized(Path path) {
        StringBuilder out = new StringBuilder(path.root() == Path.Root.CONTEXT ? "$$" : "$");
        for (Segment segment : path.segments()) {
            if (segment instanceof Segment.Field f) {
                out.append("['").append(f.name()).append("']");
            } else if (segment instanceof Segment.Index i) {
                out.append('[').append(i.index()).append(']');
            } else {
                return path.text();
            }
        }
        return out.toString();
    }

    /** InputPath then Parameters. */
    static JsonNode effectiveInput(
            StepContext ctx, DataFlow flow, JsonNode raw, Supplier<JsonNode> context) {
        JsonNode input = select(flow.inputPath(), raw, context);
        if (flow.parameters() != null) {
            input = flow.parameters().apply(new EvalContext(input, context, ctx.random));
        }
        return input;
    }

    /** ResultSelector, ResultPath, OutputPath applied to {@code result} and the raw input. */
    static JsonNode output(
            StepContext ctx,
            DataFlow flow,
            JsonNode raw,
            JsonNode result,
            Supplier<JsonNode> context) {
        JsonNode effective = result;
        if (flow.resultSelector() != null) {
            effective = flow.resultSelector().apply(new EvalContext(result, context, ctx.random));
        }
        return place(ctx, flow, raw, effective, context);
    }

    /** ResultPath then OutputPath (for Pass, whose result needs no ResultSelector). */
    static JsonNode place(
            StepContext ctx,
            DataFlow flow,
            JsonNode raw,
            JsonNode result,
            Supplier<JsonNode> context) {
        JsonNode combined = flow.resultPath() == null ? raw : flow.resultPath().set(raw, result);
        return select(flow.outputPath(), combined, context);
    }

    /** InputPath then OutputPath (Choice, Wait, Succeed). */
    static JsonNode passThrough(
            StepContext ctx, DataFlow flow, JsonNode raw, Supplier<JsonNode> context) {
        JsonNode input = select(flow.inputPath(), raw, context);
        return select(flow.outputPath(), input, context);
    }
}
