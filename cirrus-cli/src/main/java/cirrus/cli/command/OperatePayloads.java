package cirrus.cli.command;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cirrus.cli.ExitCode;
import cirrus.cli.operate.OperateSession;
import cirrus.cli.operate.OperateViews;
import cirrus.cli.operate.OutputFormat;
import cirrus.cli.operate.StackOptions;
import cirrus.runtime.operate.OperateException;
import cirrus.runtime.operate.PayloadFilter;
import cirrus.runtime.operate.PayloadStatus;
import cirrus.runtime.operate.PipelineOperations;
import cirrus.runtime.operate.RerunResult;
import cirrus.runtime.payload.PayloadId;
import cirrus.runtime.port.StateRecord;

import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code cirrus payload status|list|rerun --stage S}: the same commands on a deployed stack,
 * through the read model ({@link PipelineOperations}); and the local API links of {@code payload
 * status} in local mode.
 */
final class OperatePayloads {
    private OperatePayloads() {}

    static int status(CommandSpec spec, StackOptions stack, OutputFormat output, String id) {
        return OperateSession.guarded(
                spec.commandLine().getErr(),
                () -> {
                    PayloadId pid = parseId(id);
                    try (OperateSession session =
                            OperateSession.open(spec, stack, Optional.empty())) {
                        PayloadStatus status = session.operations().status(pid);
                        PrintWriter out = spec.commandLine().getOut();
                        if (output.json()) {
                            OperateViews.print(out, OperateViews.statusJson(status));
                        } else {
                            OperateViews.statusText(out, status);
                        }
                        out.flush();
                        return ExitCode.OK;
                    }
                });
    }

    private static PayloadId parseId(String id) {
        try {
            return PayloadId.parse(id);
        } catch (IllegalArgumentException e) {
            throw new OperateException(
                    OperateException.Code.PAYLOAD_NOT_FOUND,
                    "'" + id + "' is not a payload id: " + e.getMessage(),
                    "a payload id looks like <collections>/workflow-<workflow>/<items>");
        }
    }

    static int list(
            CommandSpec spec,
            StackOptions stack,
            OutputFormat output,
            PayloadFilter filter,
            boolean items) {
        return OperateSession.guarded(
                spec.commandLine().getErr(),
                () -> {
                    try (OperateSession session =
                            OperateSession.open(spec, stack, Optional.empty())) {
                        PrintWriter out = spec.commandLine().getOut();
                        PipelineOperations ops = session.operations();
                        if (items) {
                            PayloadFilter limited =
                                    filter.limit().isPresent() ? filter : filter.withLimit(100);
                            List<StateRecord> found = ops.list(limited);
                            if (output.json()) {
                                OperateViews.print(out, OperateViews.itemsJson(found));
                            } else {
                                OperateViews.itemsText(out, found);
                            }
                        } else if (output.json()) {
                            OperateViews.print(out, OperateViews.countsJson(ops.counts(filter)));
                        } else {
                            OperateViews.countsText(out, ops.counts(filter));
                        }
                        out.flush();
                        return ExitCode.OK;
                    }
                });
    }

    static int rerun(
            CommandSpec spec,
            StackOptions stack,
            PayloadFilter filter,
            boolean dryRun,
            boolean yes,
            int confirmAbove) {
        return OperateSession.guarded(
                spec.commandLine().getErr(),
                () -> {
                    try (OperateSession session =
                            OperateSession.open(spec, stack, Optional.empty())) {
                        PrintWriter out = spec.commandLine().getOut();
                        PipelineOperations ops = session.operations();
                        RerunResult found = ops.rerun(filter, true);
                        int n = found.matched().size();
                        if (dryRun) {
                            found.matched().forEach(id -> out.println("would rerun " + id));
                            out.println("found " + n + " (dry run: nothing sent)");
                            out.flush();
                            return ExitCode.OK;
                        }
                        if (n > confirmAbove && !yes && !confirmed(spec, n)) {
                            spec.commandLine()
                                    .getErr()
                                    .println(
                                            "error[CIRRUS-O009] not rerunning "
                                                    + n
                                                    + " payloads (more than "
                                                    + confirmAbove
                                                    + ") without confirmation (hint: pass --yes, or"
                                                    + " narrow with --state/--since/--limit; see"
                                                    + " --dry-run)");
                            return ExitCode.ERROR;
                        }
                        RerunResult sent = ops.rerun(filter, false);
                        sent.matched().forEach(id -> out.println("rerun " + id));
                        out.println("found " + sent.matched().size());
                        out.flush();
                        return ExitCode.OK;
                    }
                });
    }

    private static boolean confirmed(CommandSpec spec, int n) throws java.io.IOException {
        if (System.console() == null) {
            return false;
        }
        PrintWriter err = spec.commandLine().getErr();
        err.print("Rerun " + n + " payloads? [y/N] ");
        err.flush();
        String answer =
                new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))
                        .readLine();
        return answer != null && answer.strip().toLowerCase(Locale.ROOT).startsWith("y");
    }

    /**
     * Local mode: points the executions of a local API payload at the local API ({@code
     * <base>/executions/<arn>}) instead of the AWS console of a made-up account.
     */
    static JsonNode withLocalLinks(JsonNode payload, URI base) {
        JsonNode executions = payload.get("executions");
        if (payload instanceof ObjectNode o && executions instanceof ArrayNode list) {
            ArrayNode local = o.putArray("executions");
            for (JsonNode e : list) {
                String text = e.asText();
                int at = text.indexOf("/executions/details/");
                String arn = at < 0 ? text : text.substring(at + "/executions/details/".length());
                local.add(
                        base.resolve(
                                        "/executions/"
                                                + URLEncoder.encode(arn, StandardCharsets.UTF_8))
                                .toString());
            }
        }
        return payload;
    }
}
