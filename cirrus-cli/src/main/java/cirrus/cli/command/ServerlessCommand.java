package cirrus.cli.command;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import cirrus.cli.CliContext;
import cirrus.project.Project;
import cirrus.project.ProjectException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code cirrus serverless|sls [SLS_ARGS]...}: runs the project's Serverless Framework ({@code node
 * node_modules/serverless/bin/serverless.js}) in the build directory, passing every argument
 * through unchanged (unknown options included), and exits with its exit code.
 */
@Command(
        name = "serverless",
        aliases = "sls",
        description = "Run serverless within the cirrus build directory.")
public final class ServerlessCommand implements Callable<Integer> {
    /** The Serverless entry point, relative to the project. */
    static final String SERVERLESS_JS = "node_modules/serverless/bin/serverless.js";

    /** Error code: the project has no {@code node_modules/serverless}. */
    public static final String NO_SERVERLESS = "CIRRUS-B030";

    /** Error code: Node.js cannot be started. */
    public static final String NO_NODE = "CIRRUS-B031";

    /**
     * Environment variable: the Node.js executable to run Serverless with (default {@code node}).
     */
    public static final String NODE = "CIRRUS_NODE";

    @Parameters(arity = "0..*", paramLabel = "[SLS_ARGS]...")
    List<String> slsArgs = new ArrayList<>();

    @Mixin HelpOption help;

    private final CliContext context;

    public ServerlessCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        Path root = context.requireProjectDirectory();
        Path serverless = root.resolve(SERVERLESS_JS);
        if (!Files.isRegularFile(serverless)) {
            throw new ProjectException(
                    NO_SERVERLESS, "No serverless binary; have you run `npm install`?");
        }
        Path buildDir = Files.createDirectories(root.resolve(Project.BUILD_DIR));
        List<String> command = new ArrayList<>();
        command.add(context.environment().get(NODE).orElse("node"));
        command.add(serverless.toString());
        command.addAll(slsArgs);
        ProcessBuilder builder = new ProcessBuilder(command).directory(buildDir.toFile());
        builder.environment().putAll(context.environment().variables());
        boolean terminal = System.console() != null;
        if (terminal) {
            builder.inheritIO();
        } else {
            builder.redirectInput(ProcessBuilder.Redirect.INHERIT);
        }
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new ProjectException(
                    NO_NODE,
                    "Cannot run '"
                            + command.get(0)
                            + "' (Node.js is needed for serverless; install it or set "
                            + NODE
                            + "): "
                            + e.getMessage());
        }
        if (terminal) {
            return process.waitFor();
        }
        Thread out = pump(process.getInputStream(), context.console().out());
        Thread err = pump(process.getErrorStream(), context.console().err());
        int code = process.waitFor();
        out.join();
        err.join();
        return code;
    }

    /** Copies a child's output to one of our streams as it comes. */
    private static Thread pump(InputStream from, PrintWriter to) {
        Thread t =
                new Thread(
                        () -> {
                            try (Reader in = new InputStreamReader(from, StandardCharsets.UTF_8)) {
                                char[] buffer = new char[8192];
                                for (int n; (n = in.read(buffer)) >= 0; ) {
                                    synchronized (to) {
                                        to.write(buffer, 0, n);
                                        to.flush();
                                    }
                                }
                            } catch (IOException e) {
                                throw new UncheckedIOException(e);
                            }
                        },
                        "serverless-output");
        t.setDaemon(true);
        t.start();
        return t;
    }
}
