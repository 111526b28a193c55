package cirrus.cli.command;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import cirrus.cli.CliContext;
import cirrus.cli.ExitCode;
import cirrus.cli.local.EngineMixin;
import cirrus.cli.local.LocalCommandException;
import cirrus.cli.local.PayloadFiles;
import cirrus.local.engine.EngineBusyException;
import cirrus.local.engine.LocalEngine;
import cirrus.local.model.LocalModel;
import cirrus.local.run.PayloadResult;
import cirrus.local.run.PayloadRun;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code cirrus run PAYLOAD...}: runs payloads through the compiled project on this machine — the
 * local engine starts, processes them (and the payloads their chains produce) to a final state,
 * prints per payload its state, outputs, error and Batch jobs, and stops. Exits 1 when any payload
 * ends FAILED, INVALID or ABORTED, or is still running at {@code --timeout}.
 */
@Command(
        name = "run",
        description = "Run process payloads through the project locally and report how each ended.")
public final class RunCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin HelpOption help;

    @Mixin EngineMixin engine;

    private final CliContext context;

    public RunCommand(CliContext context) {
        this.context = context;
    }

    @Parameters(
            paramLabel = "PAYLOAD",
            arity = "1..*",
            description = "Payload JSON files (a payload or an array of payloads); - for stdin.")
    List<String> files;

    @Option(
            names = "--replace",
            description = "Process payloads again even when COMPLETED or INVALID.")
    boolean replace;

    @Option(
            names = "--timeout",
            paramLabel = "SECONDS",
            description = "Stop waiting after this many seconds.")
    Long timeoutSeconds;

    @Option(
            names = "--progress-every",
            paramLabel = "SECONDS",
            defaultValue = "5",
            description = "Seconds between progress lines on stderr (default 5).")
    long progressSeconds;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        PayloadFiles.Read read = PayloadFiles.read(files, System.in);
        if (!read.errors().isEmpty()) {
            read.errors().forEach(err::println);
            err.println("cirrus run: nothing was run; fix the payloads above");
            return ExitCode.ERROR;
        }
        try {
            LocalModel model = engine.model(context, err);
            List<PayloadResult> results;
            try (LocalEngine local = LocalEngine.start(model, engine.engineOptions())) {
                local.invalidWorkflows()
                        .forEach(
                                (wf, problem) ->
                                        err.println(
                                                "cirrus run: warning: workflow "
                                                        + wf
                                                        + " cannot run: "
                                                        + problem));
                results =
                        new PayloadRun(local)
                                .run(
                                        read.payloads(),
                                        replace,
                                        Optional.ofNullable(timeoutSeconds)
                                                .map(Duration::ofSeconds),
                                        Duration.ofSeconds(Math.max(1, progressSeconds)),
                                        p -> {
                                            err.println("cirrus run: " + p.line());
                                            err.flush();
                                        });
            }
            RunReport.print(results, model.projectDirectory(), out);
            return results.stream().allMatch(PayloadResult::succeeded)
                    ? ExitCode.OK
                    : ExitCode.ERROR;
        } catch (LocalCommandException | EngineBusyException e) {
            err.println("Error: " + e.getMessage());
            return ExitCode.ERROR;
        }
    }
}
