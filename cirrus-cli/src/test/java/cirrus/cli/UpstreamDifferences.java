package cirrus.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cirrus.scaffold.LogicalId;
import cirrus.yaml.YamlLoader;
import cirrus.yaml.YamlWriter;

/**
 * The one normalisation the golden tests apply to cirrus v0.15.4's recorded outputs: every intended
 * difference, each listed in {@code docs/compatibility.md} under "CLI and project loading".
 * Anything else that differs from the goldens is a bug.
 */
final class UpstreamDifferences {
    private static final Pattern RAW_NAME_LOGICAL_ID =
            Pattern.compile(
                    "\\b(my-(?:batch|both)-task)(ComputeEnvironment|JobQueue|JobRole|AsBatchJob)\\b");
    private static final Pattern BATCH_ONLY_HANDLER =
            Pattern.compile(
                    "(?s)\\A(\\S+ \\((?:(?!lambda,)[^,)\n]+, )?batch\\)\n.*?\nFiles:\n)  handler: lambda_function\\.py\n");
    private static final Pattern DIAGNOSTIC_PREFIX =
            Pattern.compile("(?m)^(?:\\S+: )?(?:error|warning)\\[CIRRUS-[A-Z0-9]+\\] ");

    /** The root commands of cirrus v0.15.4; commands added later are listed after them. */
    static final Set<String> V0_COMMANDS =
            Set.of("build", "clean", "create", "init", "serverless", "show");

    private static final Pattern DID_YOU_MEAN =
            Pattern.compile("Unknown command '([^']*)'\\. Did you mean any of these: ([^?]*)\\?");

    private UpstreamDifferences() {}

    /**
     * 7. Root commands added after v0.15.4 ({@code states}, {@code payload}, …) are extra rows in
     * {@code cirrus --help}, after the v0.15.4 commands; they are removed from our help before
     * comparing.
     */
    static String withoutNewCommandRows(String help, Set<String> newCommands) {
        StringBuilder out = new StringBuilder();
        boolean inCommands = false;
        boolean skippingRow = false;
        for (String line : help.split("\n", -1)) {
            if (line.equals("Commands:")) {
                inCommands = true;
            } else if (inCommands && line.startsWith("  ") && !line.startsWith("   ")) {
                String name = line.strip().split(" ")[0];
                skippingRow = newCommands.contains(name);
            } else if (!(inCommands && line.startsWith("   "))) {
                skippingRow = false;
            }
            if (skippingRow) {
                continue; // the row of a new command and its wrapped description lines
            }
            out.append(line).append('\n');
        }
        return out.substring(0, out.length() - 1);
    }

    /**
     * 7. Root commands added after v0.15.4 also become candidates of an ambiguous root-level prefix
     * ({@code cirrus s} may now also mean {@code states}).
     */
    static String withNewCandidates(String text, Set<String> newCommands) {
        return DID_YOU_MEAN
                .matcher(text)
                .replaceAll(
                        m -> {
                            TreeSet<String> candidates =
                                    new TreeSet<>(List.of(m.group(2).split(", ")));
                            for (String c : newCommands) {
                                if (c.startsWith(m.group(1))) {
                                    candidates.add(c);
                                }
                            }
                            return Matcher.quoteReplacement(
                                    "Unknown command '"
                                            + m.group(1)
                                            + "'. Did you mean any of these: "
                                            + String.join(", ", candidates)
                                            + "?");
                        });
    }

    /**
     * The output cirrus for Java gives where cirrus v0.15.4 gave {@code upstream}.
     *
     * @param upstream recorded stdout or stderr of v0.15.4
     * @param project the directory that stands for v0.15.4's {@code /home/user/proj}
     */
    static String expected(String upstream, Path project) {
        String text =
                upstream
                        // 1. typos in user-visible strings fixed
                        .replace("severless", "serverless")
                        .replace("Succesfully", "Successfully")
                        .replace(
                                "does not appear to be vaild project",
                                "does not appear to be valid project")
                        .replace("lambda definiton.yml", "lambda definition.yml")
                        .replace("Unknown command 's.", "Unknown command 's'.")
                        .replace("Unknown command 'f.", "Unknown command 'f'.")
                        // 2. --stacktrace and --version are documented root options
                        .replace(
                                "                          times.\n  --help ",
                                "                          times.\n"
                                        + "  --stacktrace            Show stack traces of errors.\n"
                                        + "  -V, --version           Show the version and exit.\n"
                                        + "  --help ")
                        // 4. the no-project error says what to do
                        .replace(
                                "Fatal: no cirrus project detected/specified.",
                                "no cirrus project detected/specified (run 'cirrus init' or use"
                                        + " --cirrus-dir)")
                        .replace("/home/user/proj", project.toString());
        // 15. a project task without a Python handler (Batch-only, Java) lists no handler file
        text = BATCH_ONLY_HANDLER.matcher(text).replaceAll("$1");
        // 3. create writes valid CloudFormation logical ids (which also moves them in the
        // name-sorted listing of show cloudformation)
        String renamed =
                RAW_NAME_LOGICAL_ID
                        .matcher(text)
                        .replaceAll(m -> LogicalId.of(m.group(1)) + m.group(2));
        String sorted = renamed.equals(text) ? renamed : resortListing(renamed);
        // 5. the builtin Lambdas run on Java (the build's rule, see
        // cirrus.compile.UpstreamDifferences)
        return javaBuiltinLambdaConfig(sorted);
    }

    private static final String LAMBDA_CONFIG = "\nLambda config:\n";

    /**
     * In {@code show <group> NAME} of a builtin Lambda, the {@code Lambda config:} block with the
     * build's documented differences applied (Java runtime, handler, memory, jar artifact).
     */
    @SuppressWarnings("unchecked")
    private static String javaBuiltinLambdaConfig(String text) {
        int start = text.indexOf(LAMBDA_CONFIG);
        if (start < 0) {
            return text;
        }
        int body = start + LAMBDA_CONFIG.length();
        int end = body;
        while (end < text.length() && text.startsWith("  ", end)) {
            end = text.indexOf('\n', end) + 1;
            if (end == 0) {
                end = text.length();
            }
        }
        String header = text.substring(0, text.indexOf('\n'));
        String name = header.split(" ", 2)[0];
        String block = text.substring(body, end);
        String yaml = block.replaceAll("(?m)^  ", "");
        Map<String, Object> config =
                (Map<String, Object>) YamlLoader.loadString(yaml, Path.of("show.yml")).root();
        Map<String, Object> functions = new LinkedHashMap<>();
        functions.put(name, config);
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("functions", functions);
        cirrus.compile.UpstreamDifferences.applyTo(tree);
        String replaced = YamlWriter.writeIndented(config, 2);
        if (!block.endsWith("\n")) {
            replaced = replaced.substring(0, replaced.length() - 1);
        }
        return text.substring(0, body) + replaced + text.substring(end);
    }

    /**
     * Re-sorts the object lines of each {@code [Section]} block of a {@code show cloudformation}
     * listing the way both versions sort them: built-in first, then by name.
     */
    private static String resortListing(String text) {
        if (!text.startsWith("[")) {
            return text;
        }
        List<String> out = new ArrayList<>();
        List<String> block = new ArrayList<>();
        for (String line : (text + "\n").split("\n", -1)) {
            if (line.isEmpty() || line.startsWith("[")) {
                block.sort(
                        Comparator.comparing((String l) -> !l.endsWith("(built-in)"))
                                .thenComparing(l -> l.substring(0, l.indexOf(' '))));
                out.addAll(block);
                block.clear();
                out.add(line);
            } else {
                block.add(line);
            }
        }
        return String.join("\n", out).replaceAll("\n+$", "");
    }

    /**
     * The exit code cirrus for Java gives where v0.15.4 exited {@code upstream}: {@code show} of
     * something that does not exist is an error (exit 1), not a success.
     */
    static int exitCode(int upstream, String upstreamStderr) {
        return upstreamStderr.startsWith("Cannot show") ? ExitCode.ERROR : upstream;
    }

    /** Whether a recorded command line runs {@code build} (by name or unique prefix). */
    static boolean isBuild(String[] args) {
        for (String arg : args) {
            if (!arg.startsWith("-")) {
                return arg.equals("build") || arg.equals("b") || arg.equals("bu");
            }
        }
        return false;
    }

    /**
     * 6. A build stops where v0.15.4 skipped a component whose handler file is missing (the message
     * loses its "Skipping "), and a duplicate requirement is a diagnostic, not "ERROR: ".
     */
    static String expectedBuild(String upstreamStderr, boolean build) {
        if (!build) {
            return upstreamStderr;
        }
        return upstreamStderr
                .replace("ERROR: Duplicated requirement", "Duplicated requirement")
                .replaceAll(
                        "(?m)^Skipping (task|function|feeder) ('[^']*': Cannot load PythonHandler)",
                        "$1 $2");
    }

    /**
     * The exit code of a build where v0.15.4 exited {@code upstream} with {@code upstreamStderr}.
     */
    static int buildExitCode(int upstream, String upstreamStderr, boolean build) {
        return build && upstreamStderr.contains("Cannot load PythonHandler")
                ? ExitCode.ERROR
                : upstream;
    }

    /**
     * Our stderr with the stable {@code [file:line:col: ]error[CODE] } prefix of diagnostics
     * removed, for comparison with v0.15.4's bare messages.
     */
    static String withoutDiagnosticPrefix(String stderr) {
        return DIAGNOSTIC_PREFIX.matcher(stderr).replaceAll("");
    }
}
