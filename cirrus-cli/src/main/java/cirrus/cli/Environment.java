package cirrus.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * What the CLI reads from its process environment: the working directory and environment variables
 * ({@code CIRRUS_DIR}, {@code CIRRUS_PLUGIN_PATH}, {@code NO_COLOR}, …). Tests pass their own so
 * that commands run in-process against a temporary project.
 *
 * @param workingDirectory the directory relative paths and project discovery start from
 * @param variables environment variables
 */
public record Environment(Path workingDirectory, Map<String, String> variables) {
    public Environment {
        workingDirectory = workingDirectory.toAbsolutePath().normalize();
        variables = Map.copyOf(variables);
    }

    /** The environment of this process. */
    public static Environment current() {
        return new Environment(Path.of("").toAbsolutePath(), System.getenv());
    }

    /** The value of a non-empty variable. */
    public Optional<String> get(String name) {
        String value = variables.get(name);
        return value == null || value.isEmpty() ? Optional.empty() : Optional.of(value);
    }
}
