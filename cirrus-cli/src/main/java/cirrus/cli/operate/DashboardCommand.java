package cirrus.cli.operate;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import cirrus.aws.s3.BucketCredentials;
import cirrus.aws.s3.S3BlobStore;
import cirrus.cli.CliContext;
import cirrus.cli.ExitCode;
import cirrus.cli.command.HelpOption;
import cirrus.cli.local.LocalCommandException;
import cirrus.cli.local.ServerAddress;
import cirrus.local.dashboard.Dashboard;
import cirrus.local.dashboard.DashboardBlobs;
import cirrus.local.http.ServerSettings;
import cirrus.local.http.ServerToken;
import cirrus.local.http.WebServer;
import cirrus.runtime.statedb.ConsoleUrls;
import cirrus.runtime.statedb.StateItems;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code cirrus dashboard --stage S}: the web dashboard of a deployed stack on 127.0.0.1, read
 * through the AWS adapter of the read model. Read-only unless {@code --allow-rerun}. (The local
 * engine's dashboard is served by {@code cirrus serve} under {@code /ui/}.)
 */
@Command(
        name = "dashboard",
        description =
                "Serve the web dashboard of a deployed stack (--stage/--stack) on 127.0.0.1 until"
                        + " stopped.")
public final class DashboardCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    private final CliContext context;

    public DashboardCommand(CliContext context) {
        this.context = context;
    }

    @Mixin HelpOption help;

    @Mixin StackOptions stack;

    @Option(
            names = "--port",
            defaultValue = "8643",
            description = "The port on 127.0.0.1 (default 8643; 0 for any free port).")
    int port;

    @Option(
            names = "--host",
            defaultValue = ServerSettings.LOOPBACK,
            description =
                    "The address to listen on (default 127.0.0.1); others need --allow-remote.")
    String host;

    @Option(names = "--allow-remote", description = "Allow a --host other than loopback.")
    boolean allowRemote;

    @Option(
            names = "--allow-rerun",
            description = "Let the payload page rerun payloads (sends them to the process queue).")
    boolean allowRerun;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        return OperateSession.guarded(
                err,
                () -> {
                    if (!stack.deployed()) {
                        throw new LocalCommandException(
                                "cirrus dashboard shows a deployed stack: pass --stage or --stack"
                                        + " (the local engine's dashboard is on /ui/ of `cirrus"
                                        + " serve`)");
                    }
                    ServerSettings settings = ServerAddress.settings(host, port, allowRemote);
                    ServerToken token = ServerToken.random();
                    try (StackOptions.Deployed deployed =
                                    stack.connect(
                                            context.environment().variables(),
                                            context.projectDirectory());
                            Dashboard dashboard =
                                    new Dashboard(
                                            deployed.operations(),
                                            new StateItems(
                                                    deployed.stack().payloadBucket(),
                                                    new ConsoleUrls(
                                                            deployed.clients()
                                                                    .settings()
                                                                    .region()
                                                                    .id())),
                                            DashboardBlobs.of(
                                                    new S3BlobStore(
                                                            new BucketCredentials(
                                                                    deployed.clients()))),
                                            new Dashboard.Options(
                                                    deployed.stack().stackName(),
                                                    "deployed stack",
                                                    !allowRerun),
                                            token,
                                            Duration.ofSeconds(30));
                            WebServer server =
                                    WebServer.start(settings, token, List.of(dashboard.mount()))) {
                        ServerAddress.warnIfRemote(settings, "cirrus dashboard", err);
                        out.println(server.url() + Dashboard.PREFIX + "/");
                        out.flush();
                        err.println(
                                "cirrus dashboard: "
                                        + deployed.stack().stackName()
                                        + (allowRerun ? "" : " (read-only)")
                                        + " on "
                                        + server.url()
                                        + Dashboard.PREFIX
                                        + "/ (Ctrl-C to stop)");
                        err.flush();
                        awaitStop();
                    } catch (IOException e) {
                        throw new LocalCommandException(
                                "cannot serve on " + host + ":" + port + ": " + e.getMessage());
                    }
                    return ExitCode.OK;
                });
    }

    private static void awaitStop() {
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(stopped::countDown);
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            stopped.await();
        } catch (InterruptedException e) {
            // an interrupt stops the server like Ctrl-C does (in-process callers)
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // shutting down already
            }
        }
    }
}
