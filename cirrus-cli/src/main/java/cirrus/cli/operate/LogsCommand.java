package cirrus.cli.operate;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;

import cirrus.cli.ExitCode;
import cirrus.runtime.operate.ExecutionStatus;
import cirrus.runtime.operate.LogLine;
import cirrus.runtime.operate.PipelineOperations;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code cirrus logs PAYLOAD_ID|ARN [--task T] [--follow]}: the Lambda and Batch log lines of a
 * payload's latest execution, in time order.
 */
@Command(
        name = "logs",
        description =
                "Print the Lambda and Batch log lines of a payload's latest execution, in time order.")
public final class LogsCommand implements Callable<Integer> {
    /** How often {@code --follow} polls. */
    static final Duration POLL = Duration.ofSeconds(2);

    /** {@code --follow} stops after this long even if the execution still runs. */
    static final Duration FOLLOW_LIMIT = Duration.ofHours(2);

    @Spec CommandSpec spec;
    @Mixin StackOptions stack;

    @Option(
            names = "--state-dir",
            paramLabel = "DIR",
            description = "The local engine's state directory (default: <project>/.cirrus/local).")
    Path stateDirectory;

    @Option(names = "--task", paramLabel = "TASK", description = "Only the lines of this state.")
    String task;

    @Option(
            names = {"-f", "--follow"},
            description = "Keep printing new lines until the execution ends.")
    boolean follow;

    @Parameters(paramLabel = "PAYLOAD_ID|ARN", description = "Payload id or execution ARN.")
    String target;

    @Override
    public Integer call() {
        return OperateSession.guarded(
                spec.commandLine().getErr(),
                () -> {
                    try (OperateSession session =
                            OperateSession.open(spec, stack, Optional.ofNullable(stateDirectory))) {
                        PipelineOperations ops = session.operations();
                        String arn = ExecutionCommand.executionArn(ops, target);
                        PrintWriter out = spec.commandLine().getOut();
                        Set<LogLine> printed = new HashSet<>();
                        long deadline = System.nanoTime() + FOLLOW_LIMIT.toNanos();
                        while (true) {
                            boolean running =
                                    ops.execution(arn)
                                            .map(e -> e.status() == ExecutionStatus.RUNNING)
                                            .orElse(false);
                            List<LogLine> lines = ops.executionLogs(arn, Optional.ofNullable(task));
                            for (LogLine l : lines) {
                                if (printed.add(l)) {
                                    OperateViews.logText(out, l);
                                }
                            }
                            out.flush();
                            if (!follow || !running || System.nanoTime() > deadline) {
                                return ExitCode.OK;
                            }
                            Thread.sleep(POLL.toMillis());
                        }
                    }
                });
    }
}
