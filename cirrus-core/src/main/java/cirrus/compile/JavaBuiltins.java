package cirrus.compile;

import java.util.Map;
import java.util.Optional;

/**
 * The builtin Lambda functions of cirrus run on Java in this product (cirrus v0.15.4 ran them on
 * Python). Their definitions, shipped under {@code cirrus/builtins/}, are upstream's except for the
 * settings below; this class names those settings so the definitions, the compiler and the parity
 * tests agree on them.
 */
public final class JavaBuiltins {
    /**
     * The Lambda runtime of the builtin functions. Not {@code java17}: AWS blocked creating java17
     * functions on 2026-07-31 (cfn-lint E2533); the jar is built for Java 17 and runs on 21.
     */
    public static final String RUNTIME = "java21";

    /**
     * Memory of every builtin function, in MB (upstream: 128). A JVM with the AWS SDK needs more
     * than 128 MB, and Lambda gives CPU in proportion to memory, which keeps cold starts well under
     * the upstream timeouts (10 s for {@code process} and {@code api}).
     */
    public static final int MEMORY_SIZE = 512;

    /** The one artifact holding every builtin function, relative to the build directory. */
    public static final String ARTIFACT = BuildOutput.BUILTINS_JAR;

    /** Builtin function name → handler class simple name. */
    private static final Map<String, String> HANDLERS =
            Map.of(
                    "api", "ApiHandler",
                    "process", "ProcessHandler",
                    "update-state", "UpdateStateHandler",
                    "pre-batch", "PreBatchHandler",
                    "post-batch", "PostBatchHandler",
                    "publish", "PublishHandler",
                    "feed-rerun", "FeedRerunHandler");

    private JavaBuiltins() {}

    /**
     * The Java handler of the builtin function {@code name}, e.g. {@code
     * cirrus.aws.handler.ProcessHandler::handleRequest}.
     */
    public static Optional<String> handler(String name) {
        return Optional.ofNullable(HANDLERS.get(name))
                .map(simple -> "cirrus.aws.handler." + simple + "::handleRequest");
    }

    /** True if {@code name} is one of the builtin Lambda functions. */
    public static boolean isBuiltinFunction(String name) {
        return HANDLERS.containsKey(name);
    }
}
