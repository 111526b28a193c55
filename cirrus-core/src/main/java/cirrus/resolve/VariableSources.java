package cirrus.resolve;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The values serverless variables read besides the configuration itself ({@code ${self:...}}):
 * command-line options ({@code ${opt:stage}}), environment variables ({@code ${env:X}}) and the
 * {@code ${aws:...}} values of the target account.
 *
 * @param options {@code --stage}, {@code --region}, ... by name, without dashes
 * @param environment environment variables
 * @param aws {@code region}, {@code accountId}, ... for {@code ${aws:...}}; empty when unknown
 */
public record VariableSources(
        Map<String, String> options, Map<String, String> environment, Map<String, String> aws) {
    public VariableSources {
        options = Map.copyOf(Objects.requireNonNull(options, "options"));
        environment = Map.copyOf(Objects.requireNonNull(environment, "environment"));
        aws = Map.copyOf(Objects.requireNonNull(aws, "aws"));
    }

    /**
     * No options, no environment: every {@code ${opt:..}} and {@code ${env:..}} needs a default.
     */
    public static VariableSources none() {
        return new VariableSources(Map.of(), Map.of(), Map.of());
    }

    /** The given options and the environment of this process. */
    public static VariableSources of(Map<String, String> options) {
        return new VariableSources(options, System.getenv(), Map.of());
    }

    /** A copy with {@code ${aws:...}} values. */
    public VariableSources withAws(Map<String, String> values) {
        return new VariableSources(options, environment, values);
    }

    /** A copy with another environment. */
    public VariableSources withEnvironment(Map<String, String> values) {
        return new VariableSources(options, values, aws);
    }

    /** The value of option {@code name}, if given. */
    public Optional<String> option(String name) {
        return Optional.ofNullable(options.get(name));
    }
}
