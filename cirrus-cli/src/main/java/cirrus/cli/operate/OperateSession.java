package cirrus.cli.operate;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import cirrus.cli.ExitCode;
import cirrus.cli.command.RootCommand;
import cirrus.cli.local.LocalCommandException;
import cirrus.cli.local.LocalProject;
import cirrus.local.operate.LocalOperations;
import cirrus.runtime.json.InvalidJsonException;
import cirrus.runtime.json.Json;
import cirrus.runtime.operate.OperateException;
import cirrus.runtime.operate.PipelineOperations;
import cirrus.runtime.port.StoreException;

import picocli.CommandLine.Model.CommandSpec;

/**
 * The pipeline an operate command works on: the deployed stack of {@link StackOptions}, else the
 * local engine's state directory. Also the one place that turns their failures into one line and an
 * exit code.
 */
public final class OperateSession implements AutoCloseable {
    private final PipelineOperations operations;
    private final AutoCloseable resources;

    private OperateSession(PipelineOperations operations, AutoCloseable resources) {
        this.operations = operations;
        this.resources = resources;
    }

    public PipelineOperations operations() {
        return operations;
    }

    /** Opens the deployed stack, or the local state directory ({@code --state-dir} or default). */
    public static OperateSession open(
            CommandSpec spec, StackOptions stack, Optional<Path> stateDirectory) {
        if (stack.deployed()) {
            StackOptions.Deployed d = stack.connect(environment(spec), project(spec));
            return new OperateSession(d.operations(), d);
        }
        Path state =
                stateDirectory.orElseGet(
                        () ->
                                project(spec)
                                        .orElseGet(() -> LocalProject.locate(Optional.empty()))
                                        .resolve(".cirrus/local"));
        if (!Files.isRegularFile(state.resolve("state.db"))) {
            throw new LocalCommandException(
                    "no local engine state in "
                            + state
                            + " (run `cirrus serve` or `cirrus run` first, or pass --stage for a"
                            + " deployed stack)");
        }
        LocalOperations.Opened opened = LocalOperations.open(state, "", localLink(state));
        return new OperateSession(opened.operations(), opened);
    }

    /** The environment of this invocation: the CLI context's, else the process's. */
    public static Map<String, String> environment(CommandSpec spec) {
        if (spec.root().userObject() instanceof RootCommand root) {
            return root.context().environment().variables();
        }
        return System.getenv();
    }

    /** The project directory of this invocation, when there is one. */
    public static Optional<Path> project(CommandSpec spec) {
        if (spec.root().userObject() instanceof RootCommand root) {
            try {
                return root.context().projectDirectory();
            } catch (RuntimeException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** The local API's execution route when {@code cirrus serve} runs, else its path. */
    private static String localLink(Path state) {
        try {
            String url =
                    Json.parse(Files.readString(state.resolve("serve.json"))).path("url").asText();
            if (!url.isEmpty()) {
                return (url.endsWith("/") ? url : url + "/") + "executions/%s";
            }
        } catch (IOException | InvalidJsonException e) {
            // no server running: the route alone
        }
        return LocalOperations.API_EXECUTION_LINK;
    }

    /** A command body that may fail with an operate error. */
    @FunctionalInterface
    public interface Body {
        int run() throws Exception;
    }

    /** Runs {@code body}; its expected failures become one line on {@code err} and exit code 1. */
    public static int guarded(PrintWriter err, Body body) {
        try {
            return body.run();
        } catch (OperateException e) {
            err.println(e.oneLine());
        } catch (LocalCommandException e) {
            err.println("Error: " + e.getMessage());
        } catch (StoreException e) {
            err.println(
                    "error["
                            + OperateException.Code.AWS_ERROR.id()
                            + "] "
                            + e.getMessage().lines().findFirst().orElse(""));
        } catch (IllegalArgumentException e) {
            err.println("error[" + OperateException.Code.BAD_FILTER.id() + "] " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("Error: interrupted");
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            err.println("Error: " + e.getMessage());
        }
        err.flush();
        return ExitCode.ERROR;
    }

    @Override
    public void close() {
        try {
            resources.close();
        } catch (Exception e) {
            // closing clients and databases: nothing left to do
        }
    }
}
