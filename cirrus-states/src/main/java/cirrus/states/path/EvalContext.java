package cirrus.states.path;

import java.util.function.Supplier;
import java.util.random.RandomGenerator;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What payload templates and intrinsic functions evaluate against.
 *
 * @param input the data {@code $} refers to
 * @param context supplies the Context Object {@code $$} (built only when a path asks for it)
 * @param random the randomness of {@code States.UUID} and {@code States.MathRandom}; the
 *     interpreter derives it from the execution's seed so that a replay is identical
 */
public record EvalContext(JsonNode input, Supplier<JsonNode> context, RandomGenerator random) {}
