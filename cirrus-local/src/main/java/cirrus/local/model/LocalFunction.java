package cirrus.local.model;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A Lambda function of the compiled project, ready to run locally.
 *
 * @param key the serverless function key (the component name, e.g. {@code publish})
 * @param name the function name ({@code name:} or {@code <service>-<stage>-<key>})
 * @param arn its local ARN
 * @param handler the handler ({@code module.function} for Python, {@code pkg.Class::method} for
 *     Java); empty for container-image functions
 * @param runtime the runtime, e.g. {@code python3.9} or {@code java17}
 * @param environment the environment variables, every value resolved to a string
 * @param timeout the timeout (serverless default 6 seconds)
 * @param memorySize the memory size in MB (serverless default 1024)
 * @param image the container image, for image functions
 * @param codeDirectory where the packaged code is ({@code <build dir>/<module>}), when it has one
 */
public record LocalFunction(
        String key,
        String name,
        String arn,
        Optional<String> handler,
        String runtime,
        Map<String, String> environment,
        Duration timeout,
        int memorySize,
        Optional<String> image,
        Optional<Path> codeDirectory) {
    public LocalFunction {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(arn, "arn");
        Objects.requireNonNull(handler, "handler");
        Objects.requireNonNull(runtime, "runtime");
        environment = Map.copyOf(environment);
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(codeDirectory, "codeDirectory");
    }

    /** A Java runtime, or a {@code Class::method} handler. */
    public boolean isJava() {
        return runtime.startsWith("java") || handler.map(h -> h.contains("::")).orElse(false);
    }

    /** A Python runtime. */
    public boolean isPython() {
        return runtime.startsWith("python") && !isJava();
    }
}
