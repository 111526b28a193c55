package cirrus.states.model;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code "Type": "Pass"}: passes its input on, optionally replaced by {@code Result} or {@code
 * Parameters} and placed by {@code ResultPath}.
 *
 * @param result the {@code Result} value, or null when absent
 * @param next the next state, or null for {@code "End": true}
 * @see <a href="https://states-language.net/spec.html#pass-state">Pass State</a>
 */
public record PassState(String name, DataFlow dataFlow, JsonNode result, String next)
        implements State {}
