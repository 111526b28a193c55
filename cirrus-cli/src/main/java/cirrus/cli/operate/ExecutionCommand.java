package cirrus.cli.operate;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;

import cirrus.cli.ExitCode;
import cirrus.runtime.operate.ExecutionTimeline;
import cirrus.runtime.operate.OperateException;
import cirrus.runtime.operate.PayloadStatus;
import cirrus.runtime.operate.PipelineOperations;
import cirrus.runtime.payload.PayloadId;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cirrus execution show ARN|PAYLOAD_ID}: an execution's history as a timeline. */
@Command(
        name = "execution",
        description =
                "Inspect workflow executions (local engine, or a deployed stack with --stage).",
        subcommands = ExecutionCommand.Show.class)
public final class ExecutionCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return ExitCode.OK;
    }

    /** The execution ARN given, or the latest execution of the payload id given. */
    static String executionArn(PipelineOperations ops, String arnOrPayloadId) {
        if (arnOrPayloadId.startsWith("arn:")) {
            return arnOrPayloadId;
        }
        PayloadId id;
        try {
            id = PayloadId.parse(arnOrPayloadId);
        } catch (IllegalArgumentException e) {
            throw new OperateException(
                    OperateException.Code.PAYLOAD_NOT_FOUND,
                    "'" + arnOrPayloadId + "' is neither an execution ARN nor a payload id",
                    "a payload id looks like <collections>/workflow-<workflow>/<items>");
        }
        PayloadStatus status = ops.status(id);
        return status.item()
                .lastExecution()
                .orElseThrow(
                        () ->
                                new OperateException(
                                        OperateException.Code.EXECUTION_NOT_FOUND,
                                        "payload " + id + " has no execution",
                                        "it was never started; see `cirrus payload status`"));
    }

    /** {@code cirrus execution show ARN|PAYLOAD_ID [--output json]}. */
    @Command(
            name = "show",
            description =
                    "Show an execution (by ARN, or a payload's latest) as a timeline of its states.")
    static final class Show implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Mixin StackOptions stack;
        @Mixin OutputFormat output;

        @Option(
                names = "--state-dir",
                paramLabel = "DIR",
                description =
                        "The local engine's state directory (default: <project>/.cirrus/local).")
        Path stateDirectory;

        @Parameters(paramLabel = "ARN|PAYLOAD_ID", description = "Execution ARN or payload id.")
        String target;

        @Override
        public Integer call() {
            return OperateSession.guarded(
                    spec.commandLine().getErr(),
                    () -> {
                        try (OperateSession session =
                                OperateSession.open(
                                        spec, stack, Optional.ofNullable(stateDirectory))) {
                            PipelineOperations ops = session.operations();
                            ExecutionTimeline t = ops.timeline(executionArn(ops, target));
                            if (output.json()) {
                                OperateViews.print(
                                        spec.commandLine().getOut(), OperateViews.timelineJson(t));
                            } else {
                                OperateViews.timelineText(spec.commandLine().getOut(), t);
                            }
                            spec.commandLine().getOut().flush();
                            return ExitCode.OK;
                        }
                    });
        }
    }
}
