package cirrus.cli.command;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cirrus.cli.ExitCode;
import cirrus.cli.states.DefinitionFile;
import cirrus.cli.states.DefinitionFileException;
import cirrus.cli.states.LocatedJson;
import cirrus.cli.states.ProcessTaskInvoker;
import cirrus.diag.Diagnostic;
import cirrus.diag.Location;
import cirrus.states.json.Json;
import cirrus.states.json.JsonSize;
import cirrus.states.model.DefinitionError;
import cirrus.states.model.DefinitionException;
import cirrus.states.model.StateMachine;
import cirrus.states.model.StateMachineReader;
import cirrus.states.run.ExecutionInfo;
import cirrus.states.run.ExecutionResult;
import cirrus.states.run.ExecutionStatus;
import cirrus.states.run.HistoryEvent;
import cirrus.states.run.Interpreter;
import cirrus.states.run.Limits;
import cirrus.states.run.ScaledClock;
import cirrus.states.run.SyncDriver;
import cirrus.states.run.TaskBindings;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cirrus states}: work with Amazon States Language definitions locally. */
@Command(
        name = "states",
        description = "Run Amazon States Language state machines locally.",
        subcommands = StatesCommand.Execute.class)
public final class StatesCommand implements Callable<Integer> {
    @Option(
            names = {"-h", "--help"},
            usageHelp = true,
            description = "Show this help and exit.")
    boolean help;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return ExitCode.OK;
    }

    /** {@code cirrus states execute}: runs a definition to its end and prints its output. */
    @Command(
            name = "execute",
            description = {
                "Run a state machine definition (JSON, YAML or a cirrus workflow definition.yml) and print its output as JSON.",
                "On failure print {\"Error\", \"Cause\"} and exit 1."
            })
    static final class Execute implements Callable<Integer> {
        /** Error code of an execution input that is not JSON or too large. */
        static final String BAD_INPUT = "ASL-E020";

        @Option(
                names = {"-h", "--help"},
                usageHelp = true,
                description = "Show this help and exit.")
        boolean help;

        @Parameters(
                index = "0",
                paramLabel = "DEFINITION",
                description = "The definition: .json, .yml or .yaml.")
        Path definition;

        @Option(
                names = "--input",
                paramLabel = "FILE|-",
                description = "The execution input (JSON); - reads stdin. Default: {}.")
        String input;

        @Option(
                names = "--history",
                description =
                        "Also write the execution history (GetExecutionHistory events) to stderr, one JSON event per line.")
        boolean history;

        @Option(
                names = "--time-scale",
                paramLabel = "F",
                defaultValue = "1",
                description =
                        "Run Wait states, retry intervals and timeouts F times as long (0.001: 600 s pass in 0.6 s). Default: ${DEFAULT-VALUE}.")
        double timeScale;

        @Option(
                names = "--task",
                paramLabel = "RESOURCE=COMMAND",
                description = {
                    "Bind a Task resource (* matches any characters) to a shell command: it gets the task input as JSON on stdin and prints the result on stdout;",
                    "a non-zero exit fails the task with the first word of stderr's last line as Error. Repeatable."
                })
        List<String> tasks = new ArrayList<>();

        @Option(
                names = "--parallelism",
                paramLabel = "N",
                defaultValue = "4",
                description = "Task commands running at once. Default: ${DEFAULT-VALUE}.")
        int parallelism;

        @Spec CommandSpec spec;

        @Override
        public Integer call() throws InterruptedException {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            if (!(timeScale > 0) || Double.isInfinite(timeScale)) {
                throw new CommandLine.ParameterException(
                        spec.commandLine(),
                        "--time-scale must be a positive number, not " + timeScale);
            }
            if (parallelism < 1) {
                throw new CommandLine.ParameterException(
                        spec.commandLine(), "--parallelism must be at least 1");
            }
            TaskBindings bindings = bindings();
            DefinitionFile file;
            try {
                file = DefinitionFile.load(definition);
            } catch (DefinitionFileException e) {
                err.println(e.diagnostic().format());
                return ExitCode.ERROR;
            }
            file.warnings().forEach(w -> err.println(w.format()));
            List<DefinitionError> errors = StateMachineReader.check(file.definition());
            if (!errors.isEmpty()) {
                for (DefinitionError error : errors) {
                    err.println(
                            Diagnostic.error(
                                            error.code().code(),
                                            file.locate(error.path()),
                                            error.path() + ": " + error.message())
                                    .format());
                }
                return ExitCode.ERROR;
            }
            JsonNode executionInput;
            try {
                executionInput = input();
            } catch (DefinitionFileException e) {
                err.println(e.diagnostic().format());
                return ExitCode.ERROR;
            }
            StateMachine machine = read(file);
            ScaledClock clock = new ScaledClock(timeScale);
            ExecutionInfo execution =
                    ExecutionInfo.local(
                            file.name(),
                            "local-" + UUID.randomUUID(),
                            executionInput,
                            clock.now(),
                            System.nanoTime());
            ExecutionResult result =
                    new SyncDriver(
                                    new Interpreter(machine, Limits.AWS),
                                    bindings,
                                    clock,
                                    parallelism)
                            .run(execution);
            if (history) {
                for (HistoryEvent event : result.history()) {
                    err.println(Json.write(event.toJson()));
                }
            }
            if (result.status() == ExecutionStatus.SUCCEEDED) {
                out.println(Json.pretty(result.output()));
                return ExitCode.OK;
            }
            ObjectNode failure = Json.object();
            failure.put("Error", result.error().error());
            failure.put("Cause", result.error().cause());
            out.println(Json.pretty(failure));
            return ExitCode.ERROR;
        }

        private static StateMachine read(DefinitionFile file) {
            try {
                return StateMachineReader.read(file.definition());
            } catch (DefinitionException e) {
                throw new IllegalStateException("checked definitions read without errors", e);
            }
        }

        private TaskBindings bindings() {
            TaskBindings bindings = new TaskBindings();
            for (String binding : tasks) {
                int eq = binding.indexOf('=');
                if (eq <= 0 || eq == binding.length() - 1) {
                    throw new CommandLine.ParameterException(
                            spec.commandLine(),
                            "--task needs RESOURCE=COMMAND, not '" + binding + "'");
                }
                bindings.bind(
                        binding.substring(0, eq),
                        new ProcessTaskInvoker(binding.substring(eq + 1)));
            }
            return bindings;
        }

        private JsonNode input() throws DefinitionFileException {
            if (input == null) {
                return Json.object();
            }
            Path name = Path.of(input.equals("-") ? "<stdin>" : input);
            String text;
            try {
                text =
                        input.equals("-")
                                ? new String(System.in.readAllBytes(), StandardCharsets.UTF_8)
                                : Files.readString(name, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new DefinitionFileException(
                        Diagnostic.error(
                                BAD_INPUT,
                                Location.of(name),
                                "the execution input cannot be read: " + e.getMessage()));
            }
            JsonNode value = LocatedJson.parse(text, name, BAD_INPUT).tree();
            long max = Limits.AWS.maxPayloadBytes();
            if (JsonSize.utf8Length(value, max) > max) {
                throw new DefinitionFileException(
                        Diagnostic.error(
                                BAD_INPUT,
                                Location.of(name),
                                "the execution input is larger than "
                                        + max
                                        + " bytes (the Step Functions limit)"));
            }
            return value;
        }
    }
}
