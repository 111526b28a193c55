package cirrus.cli.command;

import java.io.PrintWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cirrus.cli.ExitCode;
import cirrus.cli.local.LocalCommandException;
import cirrus.cli.local.PayloadFiles;
import cirrus.cli.local.ServeClient;
import cirrus.cli.operate.OperateSession;
import cirrus.cli.operate.OutputFormat;
import cirrus.cli.operate.StackOptions;
import cirrus.runtime.json.Json;
import cirrus.runtime.payload.ProcessPayload;
import cirrus.runtime.port.WorkflowState;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code cirrus payload submit|status|list|rerun}: the payloads of a running {@code cirrus serve}.
 */
final class PayloadClientCommands {
    private PayloadClientCommands() {}

    /** Runs a client call; turns its failures into one line and exit code 1. */
    private static int call(CommandSpec spec, Callable<Integer> body) {
        try {
            return body.call();
        } catch (LocalCommandException e) {
            spec.commandLine().getErr().println("Error: " + e.getMessage());
            return ExitCode.ERROR;
        } catch (Exception e) {
            spec.commandLine().getErr().println("Error: " + e.getMessage());
            return ExitCode.ERROR;
        }
    }

    private static int failed(CommandSpec spec, ServeClient.Reply reply) {
        String error = reply.error(); // "error[CODE] message", or "HTTP 500" without a body
        spec.commandLine().getErr().println(error.startsWith("error[") ? error : "Error: " + error);
        return ExitCode.ERROR;
    }

    /** {@code cirrus payload submit FILE...}. */
    @Command(name = "submit", description = "Send payloads to a running `cirrus serve`.")
    static final class Submit implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Mixin ServeClient client;

        @Parameters(
                paramLabel = "FILE",
                arity = "1..*",
                description = "Payload JSON files (a payload or an array); - for stdin.")
        List<String> files;

        @Option(
                names = "--replace",
                description = "Process payloads again even when they are COMPLETED or INVALID.")
        boolean replace;

        /**
         * Why {@code process} would not run {@code payload} (it is COMPLETED or INVALID and not
         * replaced), as the line to print; empty when it would run.
         */
        private Optional<String> skip(JsonNode payload) {
            String id = ProcessPayload.of(payload.deepCopy(), true).id();
            ServeClient.Reply reply =
                    client.get("/payloads/" + URLEncoder.encode(id, StandardCharsets.UTF_8));
            String state = reply.status() == 200 ? reply.body().path("state").asText() : "";
            boolean finished =
                    Arrays.stream(WorkflowState.values())
                            .anyMatch(s -> s.name().equals(state) && s.needsReplaceToRerun());
            return finished
                    ? Optional.of(
                            "skipped "
                                    + id
                                    + ": already "
                                    + state
                                    + " (--replace processes it again)")
                    : Optional.empty();
        }

        @Override
        public Integer call() {
            return PayloadClientCommands.call(
                    spec,
                    () -> {
                        PayloadFiles.Read read = PayloadFiles.read(files, System.in);
                        if (!read.errors().isEmpty()) {
                            read.errors().forEach(spec.commandLine().getErr()::println);
                            return ExitCode.ERROR;
                        }
                        ArrayNode body = JsonNodeFactory.instance.arrayNode();
                        for (JsonNode payload : read.payloads()) {
                            Optional<String> skip = replace ? Optional.empty() : skip(payload);
                            if (skip.isPresent()) {
                                spec.commandLine().getOut().println(skip.get());
                            } else {
                                body.add(replace ? PayloadFiles.withReplace(payload) : payload);
                            }
                        }
                        if (body.isEmpty()) {
                            return ExitCode.OK;
                        }
                        ServeClient.Reply reply = client.post("/payloads", body);
                        if (reply.status() != 202) {
                            return failed(spec, reply);
                        }
                        reply.body()
                                .path("submitted")
                                .forEach(
                                        id ->
                                                spec.commandLine()
                                                        .getOut()
                                                        .println("submitted " + id.asText()));
                        return ExitCode.OK;
                    });
        }
    }

    /** {@code cirrus payload status ID}. */
    @Command(
            name = "status",
            description =
                    "Show a payload's state item and executions (a running `cirrus serve`, or a"
                            + " deployed stack with --stage).")
    static final class Status implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Mixin ServeClient client;
        @Mixin StackOptions stack;
        @Mixin OutputFormat output;

        @Parameters(
                paramLabel = "ID",
                description = "The payload id, e.g. sentinel-2/workflow-cog/S2B_1.")
        String id;

        @Override
        public Integer call() {
            if (stack.deployed()) {
                return OperatePayloads.status(spec, stack, output, id);
            }
            return PayloadClientCommands.call(
                    spec,
                    () -> {
                        ServeClient.Reply reply =
                                client.get(
                                        "/payloads/"
                                                + URLEncoder.encode(id, StandardCharsets.UTF_8));
                        if (reply.status() != 200) {
                            return failed(spec, reply);
                        }
                        spec.commandLine()
                                .getOut()
                                .println(
                                        Json.MAPPER
                                                .writerWithDefaultPrettyPrinter()
                                                .writeValueAsString(
                                                        OperatePayloads.withLocalLinks(
                                                                reply.body(), client.base())));
                        return ExitCode.OK;
                    });
        }
    }

    /** {@code cirrus payload list [--collections C --workflow W] [filters]}. */
    @Command(
            name = "list",
            description =
                    "List payloads (per workflow counts, or the items of one workflow); --stage"
                            + " for a deployed stack.")
    static final class ListPayloads implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Mixin ServeClient client;
        @Mixin StackOptions stack;
        @Mixin OutputFormat output;

        @Option(
                names = "--items",
                description = "With --stage: list items, not counts (implied by --state).")
        boolean items;

        @Option(
                names = "--collections",
                description = "Collections part of the id, e.g. sentinel-2.")
        String collections;

        @Option(names = "--workflow", description = "The workflow.")
        String workflow;

        @Mixin StateFilterOptions filters;

        @Override
        public Integer call() {
            if (stack.deployed()) {
                return OperateSession.guarded(
                        spec.commandLine().getErr(),
                        () ->
                                OperatePayloads.list(
                                        spec,
                                        stack,
                                        output,
                                        filters.toFilter(collections, workflow),
                                        items
                                                || filters.selectsItems()
                                                || (collections != null && workflow != null)));
            }
            return PayloadClientCommands.call(
                    spec,
                    () -> {
                        PrintWriter out = spec.commandLine().getOut();
                        StringBuilder q = new StringBuilder("/payloads");
                        Map<String, String> params = new LinkedHashMap<>();
                        if (collections != null) {
                            params.put("collections", collections);
                        }
                        if (workflow != null) {
                            params.put("workflow", workflow);
                        }
                        params.putAll(filters.parameters());
                        char sep = '?';
                        for (Map.Entry<String, String> p : params.entrySet()) {
                            q.append(sep)
                                    .append(p.getKey())
                                    .append('=')
                                    .append(
                                            URLEncoder.encode(
                                                    p.getValue(), StandardCharsets.UTF_8));
                            sep = '&';
                        }
                        ServeClient.Reply reply = client.get(q.toString());
                        if (reply.status() != 200) {
                            return failed(spec, reply);
                        }
                        if (output.json()) {
                            out.println(
                                    Json.MAPPER
                                            .writerWithDefaultPrettyPrinter()
                                            .writeValueAsString(reply.body()));
                        } else if (reply.body().has("items")) {
                            for (JsonNode item : reply.body().get("items")) {
                                out.printf(
                                        Locale.ROOT,
                                        "%-10s %s  %s%s%n",
                                        item.path("state").asText(),
                                        item.path("payload_id").asText(),
                                        item.path("updated").asText(),
                                        item.has("last_error")
                                                ? "  " + item.get("last_error").asText()
                                                : "");
                            }
                        } else {
                            for (JsonNode w : reply.body().path("workflows")) {
                                StringBuilder counts = new StringBuilder();
                                w.path("counts")
                                        .fields()
                                        .forEachRemaining(
                                                e ->
                                                        counts.append(' ')
                                                                .append(e.getKey())
                                                                .append('=')
                                                                .append(e.getValue().asLong()));
                                out.println(
                                        w.path("collections").asText()
                                                + " "
                                                + w.path("workflow").asText()
                                                + counts);
                            }
                        }
                        return ExitCode.OK;
                    });
        }
    }

    /** {@code cirrus payload rerun --collections C --workflow W [filters]} (feed-rerun). */
    @Command(
            name = "rerun",
            description =
                    "Send matching payloads back to the process queue (feed-rerun); --stage for a"
                            + " deployed stack.")
    static final class Rerun implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Mixin ServeClient client;
        @Mixin StackOptions stack;

        @Option(
                names = "--collections",
                description = "Collections part of the ids (required locally).")
        String collections;

        @Option(names = "--workflow", description = "The workflow (required locally).")
        String workflow;

        @Mixin StateFilterOptions filters;

        @Option(names = "--dry-run", description = "With --stage: only list what would be rerun.")
        boolean dryRun;

        @Option(
                names = {"-y", "--yes"},
                description = "With --stage: do not ask before rerunning many payloads.")
        boolean yes;

        @Option(
                names = "--confirm-above",
                paramLabel = "N",
                description =
                        "With --stage: ask before rerunning more than N (default: ${DEFAULT-VALUE}).")
        int confirmAbove = 10;

        @Override
        public Integer call() {
            if (stack.deployed()) {
                return OperateSession.guarded(
                        spec.commandLine().getErr(),
                        () ->
                                OperatePayloads.rerun(
                                        spec,
                                        stack,
                                        filters.toFilter(collections, workflow),
                                        dryRun,
                                        yes,
                                        confirmAbove));
            }
            if (collections == null || workflow == null) {
                throw new ParameterException(
                        spec.commandLine(),
                        "Missing required options: '--collections', '--workflow' (or pass --stage"
                                + " for a deployed stack)");
            }
            if (dryRun) {
                return PayloadClientCommands.call(spec, this::localDryRun);
            }
            return PayloadClientCommands.call(
                    spec,
                    () -> {
                        ObjectNode body = JsonNodeFactory.instance.objectNode();
                        body.put("collections", collections);
                        body.put("workflow", workflow);
                        filters.parameters()
                                .forEach(
                                        (k, v) -> {
                                            if (k.equals("limit")) {
                                                body.put(k, Integer.parseInt(v));
                                            } else {
                                                body.put(k, v);
                                            }
                                        });
                        ServeClient.Reply reply = client.post("/rerun", body);
                        if (reply.status() != 200) {
                            return failed(spec, reply);
                        }
                        spec.commandLine()
                                .getOut()
                                .println("found " + reply.body().path("found").asInt());
                        return ExitCode.OK;
                    });
        }

        /** Local {@code --dry-run}: the items the rerun would send, from the local API. */
        private int localDryRun() {
            StringBuilder q =
                    new StringBuilder("/payloads?collections=")
                            .append(URLEncoder.encode(collections, StandardCharsets.UTF_8))
                            .append("&workflow=")
                            .append(URLEncoder.encode(workflow, StandardCharsets.UTF_8));
            filters.parameters()
                    .forEach(
                            (k, v) ->
                                    q.append('&')
                                            .append(k)
                                            .append('=')
                                            .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
            ServeClient.Reply reply = client.get(q.toString());
            if (reply.status() != 200) {
                return failed(spec, reply);
            }
            PrintWriter out = spec.commandLine().getOut();
            int n = 0;
            for (JsonNode item : reply.body().path("items")) {
                out.println("would rerun " + item.path("payload_id").asText());
                n++;
            }
            out.println("found " + n + " (dry run: nothing sent)");
            return ExitCode.OK;
        }
    }
}
