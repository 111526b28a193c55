package cirrus.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Runs the {@code cirrus} CLI in-process in a given directory and environment, capturing exit code,
 * stdout and stderr.
 *
 * @param exitCode the exit code
 * @param out what went to stdout
 * @param err what went to stderr
 */
record CliRun(int exitCode, String out, String err) {
    static CliRun in(Path workingDirectory, String... args) {
        return in(workingDirectory, Map.of(), args);
    }

    static CliRun in(Path workingDirectory, Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Map<String, String> variables = new HashMap<>(env);
        int code =
                Cli.run(
                        args,
                        new PrintWriter(out),
                        new PrintWriter(err),
                        new Environment(workingDirectory, variables));
        return new CliRun(code, out.toString(), err.toString());
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
}
