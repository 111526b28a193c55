package cirrus.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The training run of the start-up archive: runs the everyday commands once, in one JVM, on a
 * scratch project, so that the JVM records every class they load. The launcher runs it with {@code
 * -XX:ArchiveClassesAtExit} (AppCDS, Java 17–24) or {@code -XX:AOTCacheOutput} (the AOT cache of
 * Java 25+); later calls map those classes, already parsed and verified, from the archive.
 *
 * <p>Usage: {@code java -cp cirrus-cli.jar cirrus.cli.Training SCRATCH_DIR}. Nothing outside
 * SCRATCH_DIR is read or written, and no environment variable is passed to the commands.
 */
public final class Training {
    private Training() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: cirrus.cli.Training SCRATCH_DIR");
            System.exit(2);
        }
        System.exit(train(Path.of(args[0])) == 0 ? 0 : 1);
    }

    /**
     * Runs the training commands in {@code scratch} (an empty directory).
     *
     * @return how many of them failed (their stderr is printed)
     */
    static int train(Path directory) throws IOException {
        Path scratch = directory.toAbsolutePath();
        Path project = Files.createDirectories(scratch.resolve("project"));
        Path payload = scratch.resolve("payload.json");
        Path machine = scratch.resolve("machine.json");
        Files.writeString(machine, MACHINE, StandardCharsets.UTF_8);
        String dir = project.toString();
        int failures = 0;
        // what every call does before the command: the main class, environment and console
        Main.class.getName();
        Environment.current();
        System.console();
        failures += run(scratch, "--help");
        failures += run(scratch, "init", dir);
        failures += run(scratch, "--cirrus-dir", dir, "create", "task", "-t", "lambda", "tl", "T");
        failures += run(scratch, "--cirrus-dir", dir, "create", "task", "-t", "batch", "tb", "T");
        failures += run(scratch, "--cirrus-dir", dir, "create", "workflow", "wf", "A workflow");
        failures += run(scratch, "--cirrus-dir", dir, "show", "tasks");
        failures += run(scratch, "--cirrus-dir", dir, "show", "workflows");
        failures += run(scratch, "--cirrus-dir", dir, "validate");
        failures += run(scratch, "--cirrus-dir", dir, "build");
        failures += run(scratch, "--cirrus-dir", dir, "build", "--no-validate");
        failures += run(scratch, "--cirrus-dir", dir, "show", "cloudformation");
        StringWriter template = new StringWriter();
        failures += run(scratch, new PrintWriter(template), "payload", "template");
        Files.writeString(payload, template.toString(), StandardCharsets.UTF_8);
        failures += run(scratch, "payload", "validate", payload.toString());
        failures += run(scratch, "payload", "get-id", payload.toString());
        failures += run(scratch, "states", "execute", machine.toString());
        // the usage-error path (exit 2) is part of everyday use too
        run(scratch, "show", "no-such-group");
        return failures;
    }

    private static int run(Path cwd, String... args) {
        return run(cwd, new PrintWriter(Writer.nullWriter()), args);
    }

    private static int run(Path cwd, PrintWriter out, String... args) {
        StringWriter err = new StringWriter();
        int code = Cli.run(args, out, new PrintWriter(err), new Environment(cwd, Map.of()));
        out.flush();
        if (code != 0) {
            System.err.println(
                    "training: cirrus " + String.join(" ", List.of(args)) + " exited " + code);
            System.err.print(err);
            return 1;
        }
        return 0;
    }

    /** A small state machine with the common state types that need no task command. */
    private static final String MACHINE =
            """
            {"StartAt": "A", "States": {
              "A": {"Type": "Pass", "Result": {"n": 1}, "ResultPath": "$.a", "Next": "B"},
              "B": {"Type": "Choice", "Default": "C",
                    "Choices": [{"Variable": "$.a.n", "NumericEquals": 1, "Next": "C"}]},
              "C": {"Type": "Parallel", "End": true, "Branches": [
                {"StartAt": "D", "States": {"D": {"Type": "Succeed"}}}]}}}
            """;
}
