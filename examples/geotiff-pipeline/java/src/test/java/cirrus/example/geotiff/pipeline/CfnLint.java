package cirrus.example.geotiff.pipeline;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The real {@code cfn-lint} on a template. Under {@code CI=true} a missing cfn-lint fails the test;
 * elsewhere the test is skipped with a message.
 */
final class CfnLint {
    private CfnLint() {}

    /**
     * The error lines ({@code file:line:col:endline:endcol:E1234:message}) for {@code template}.
     */
    static List<String> errors(Path template) throws IOException, InterruptedException {
        List<String> command =
                List.of(executable().toString(), "--format", "parseable", template.toString());
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("cfn-lint did not finish within 180 s");
        }
        List<String> errors = new ArrayList<>();
        for (String line : out.split("\n")) {
            if (line.matches(".*:E\\d+:.*")) {
                errors.add(line);
            }
        }
        if ((p.exitValue() & 1) != 0) {
            errors.add("cfn-lint failed (exit " + p.exitValue() + "): " + out);
        }
        return errors;
    }

    private static Path executable() {
        Optional<Path> found = Optional.empty();
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, "cfn-lint");
            if (Files.isExecutable(candidate)) {
                found = Optional.of(candidate);
                break;
            }
        }
        if (found.isEmpty()) {
            if ("true".equals(System.getenv("CI"))) {
                fail("cfn-lint is required under CI=true but is not on PATH");
            }
            System.err.println(
                    "[cfn-lint] not installed: the example's lint test is skipped (it runs under"
                            + " CI=true)");
            assumeTrue(false, "cfn-lint not installed: skipped (required under CI=true)");
        }
        return found.get();
    }
}
