package cirrus.local.lambda;

import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;

/** The outcome of a Lambda invocation: the returned value or the function's error. */
public sealed interface LambdaResult {

    /**
     * The function returned.
     *
     * @param value the returned value ({@code null} JSON for handlers returning nothing)
     */
    record Returned(JsonNode value) implements LambdaResult {
        public Returned {
            Objects.requireNonNull(value, "value");
        }
    }

    /**
     * The function failed.
     *
     * @param error what Lambda would report
     */
    record Failed(LambdaError error) implements LambdaResult {
        public Failed {
            Objects.requireNonNull(error, "error");
        }
    }

    static LambdaResult returned(JsonNode value) {
        return new Returned(value);
    }

    static LambdaResult failed(LambdaError error) {
        return new Failed(error);
    }
}
