package cirrus.cli.command;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cirrus.cli.CliContext;
import cirrus.cli.ExitCode;
import cirrus.cli.local.EngineMixin;
import cirrus.cli.local.LocalCommandException;
import cirrus.cli.local.ServerAddress;
import cirrus.local.api.LocalApiServer;
import cirrus.local.dashboard.Dashboard;
import cirrus.local.dashboard.LocalDashboard;
import cirrus.local.engine.EngineBusyException;
import cirrus.local.engine.LocalEngine;
import cirrus.local.http.ServerSettings;
import cirrus.local.http.ServerToken;
import cirrus.local.model.LocalModel;
import cirrus.runtime.json.Json;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code cirrus serve}: runs the local engine until stopped (Ctrl-C), with its JSON API, the
 * v0.15.4 api routes ({@code /api/}) and the dashboard ({@code /ui/}) on 127.0.0.1. The URL and the
 * per-process token are printed/written to {@code <state dir>/serve.json} (owner-only), where
 * {@code cirrus payload submit|status|list|rerun} find them.
 */
@Command(
        name = "serve",
        description =
                "Run the local engine with its JSON API and web dashboard on 127.0.0.1 until"
                        + " stopped.")
public final class ServeCommand implements Callable<Integer> {
    /** The file, in the state directory, that tells clients where the API is. */
    public static final String SERVE_FILE = "serve.json";

    @Spec CommandSpec spec;

    @Mixin HelpOption help;

    @Mixin EngineMixin engine;

    private final CliContext context;

    public ServeCommand(CliContext context) {
        this.context = context;
    }

    @Option(
            names = "--port",
            defaultValue = "8642",
            description = "The port on 127.0.0.1 (default 8642; 0 for any free port).")
    int port;

    @Option(
            names = "--host",
            defaultValue = ServerSettings.LOOPBACK,
            description =
                    "The address to listen on (default 127.0.0.1). Another than loopback needs"
                            + " --allow-remote.")
    String host;

    @Option(
            names = "--allow-remote",
            description =
                    "Allow a --host other than loopback: other machines can then read payload"
                            + " states (POSTs still need the token in serve.json).")
    boolean allowRemote;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            ServerSettings settings = ServerAddress.settings(host, port, allowRemote);
            LocalModel model = engine.model(context, err);
            CountDownLatch stopped = new CountDownLatch(1);
            ServerToken token = ServerToken.random();
            try (LocalEngine local = LocalEngine.start(model, engine.engineOptions());
                    Dashboard dashboard = LocalDashboard.of(local, token);
                    LocalApiServer server =
                            LocalApiServer.start(
                                    local, settings, token, List.of(dashboard.mount()))) {
                ServerAddress.warnIfRemote(settings, "cirrus serve", err);
                Path serveFile = model.stateDirectory().resolve(SERVE_FILE);
                ObjectNode info = JsonNodeFactory.instance.objectNode();
                info.put("url", server.url().toString());
                info.put("pid", ProcessHandle.current().pid());
                info.put("token", server.token().value());
                ServerAddress.writePrivate(serveFile, Json.write(info));
                Thread hook = new Thread(stopped::countDown);
                Runtime.getRuntime().addShutdownHook(hook);
                local.invalidWorkflows()
                        .forEach(
                                (wf, problem) ->
                                        err.println(
                                                "cirrus serve: warning: workflow "
                                                        + wf
                                                        + " cannot run: "
                                                        + problem));
                out.println(server.url());
                out.flush();
                err.println(
                        "cirrus serve: engine of "
                                + model.names().stackName()
                                + " running; API on "
                                + server.url()
                                + ", dashboard on "
                                + server.url()
                                + "/ui/ (Ctrl-C to stop)");
                err.flush();
                try {
                    stopped.await();
                } catch (InterruptedException e) {
                    // an interrupt stops the server like Ctrl-C does (used by in-process callers)
                } finally {
                    Files.deleteIfExists(serveFile);
                    try {
                        Runtime.getRuntime().removeShutdownHook(hook);
                    } catch (IllegalStateException e) {
                        // shutting down already
                    }
                }
            }
            return ExitCode.OK;
        } catch (IOException e) {
            err.println("Error: cannot serve on " + host + ":" + port + ": " + e.getMessage());
            return ExitCode.ERROR;
        } catch (LocalCommandException | EngineBusyException e) {
            err.println("Error: " + e.getMessage());
            return ExitCode.ERROR;
        }
    }
}
