package cirrus.cli.command;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.core.JsonProcessingException;

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
import cirrus.runtime.json.Json;

import picocli.CommandLine;
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
            description =
                    "Seconds between progress lines on stderr (default 5; only when stderr is a"
                            + " terminal).")
    long progressSeconds;

    @Option(
            names = {"-o", "--output"},
            paramLabel = "FORMAT",
            description =
                    "text (default: each payload as it finishes, then a summary) or json (one"
                            + " array at the end).")
    String output = "text";

    private static String elapsed(long started) {
        long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
        return seconds < 60
                ? seconds + "s"
                : seconds / 60 + "m" + String.format(Locale.ROOT, "%02d", seconds % 60) + "s";
    }

    @Override
    public Integer call() throws InterruptedException, JsonProcessingException {
        if (!output.equals("text") && !output.equals("json")) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(),
                    "Invalid value for '--output': '" + output + "' is not one of 'text', 'json'.");
        }
        boolean json = output.equals("json");
        boolean progress = context.console().terminal().interactive();
        long started = System.nanoTime();
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
            Set<String> printed = new HashSet<>();
            try (LocalEngine local = LocalEngine.start(model, engine.engineOptions())) {
                local.invalidWorkflows()
                        .forEach(
                                (wf, problem) ->
                                        err.println(
                                                "cirrus run: warning: workflow "
                                                        + wf
                                                        + " cannot run: "
                                                        + problem));
                Path project = model.projectDirectory();
                results =
                        new PayloadRun(local)
                                .onFinished(
                                        r -> {
                                            if (!json) {
                                                RunReport.block(r, project, out);
                                                out.flush();
                                                printed.add(r.id());
                                            }
                                        })
                                .run(
                                        read.payloads(),
                                        replace,
                                        Optional.ofNullable(timeoutSeconds)
                                                .map(Duration::ofSeconds),
                                        Duration.ofSeconds(Math.max(1, progressSeconds)),
                                        p -> {
                                            if (progress) {
                                                err.println(
                                                        "cirrus run: ["
                                                                + elapsed(started)
                                                                + "] "
                                                                + p.line());
                                                err.flush();
                                            }
                                        });
            }
            if (json) {
                out.println(
                        Json.MAPPER
                                .writerWithDefaultPrettyPrinter()
                                .writeValueAsString(RunReport.json(results)));
            } else {
                for (PayloadResult r : results) {
                    if (!printed.contains(r.id())) { // still running when the run stopped
                        RunReport.block(r, model.projectDirectory(), out);
                    }
                }
                RunReport.summary(results, out);
            }
            return results.stream().allMatch(PayloadResult::succeeded)
                    ? ExitCode.OK
                    : ExitCode.ERROR;
        } catch (LocalCommandException | EngineBusyException e) {
            err.println("Error: " + e.getMessage());
            return ExitCode.ERROR;
        }
    }
}
