package cirrus.cli.command;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import cirrus.cli.CliContext;
import cirrus.cli.ExitCode;
import cirrus.cli.UsageException;
import cirrus.diag.Diagnostic;
import cirrus.diag.Location;
import cirrus.validate.RuleCatalog;
import cirrus.validate.Validation;
import cirrus.validate.ValidationOptions;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code cirrus validate}: checks the project before it is deployed (broken references, workflow
 * structure, Batch mistakes, AWS quotas, IAM hygiene; {@code docs/validation.md}) and prints one
 * line per finding, {@code file:line:col: severity[CODE] message (hint)}, then a summary line.
 * Exits 1 when there is an error (or, with {@code --strict}, a warning).
 */
@Command(
        name = "validate",
        description =
                "Check the project for broken references, Batch mistakes and AWS quota"
                        + " violations before deploying.")
public final class ValidateCommand implements Callable<Integer> {
    @Mixin HelpOption help;

    @Option(
            names = {"-o", "--output", "--format"},
            paramLabel = "FORMAT",
            description = "text (default) or json.")
    String format = "text";

    @Option(names = "--strict", description = "Exit 1 on warnings too.")
    boolean strict;

    @Option(
            names = "--account-usage",
            paramLabel = "N",
            description =
                    "Compute environments and job queues the account already has in the Region"
                            + " (N, or ce=N,jq=M), counted against the quotas of 50.")
    String accountUsage;

    @Option(names = "--builtins", description = "Also show the warnings about built-in components.")
    boolean builtins;

    private final CliContext context;

    public ValidateCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        if (!format.equals("text") && !format.equals("json")) {
            throw new UsageException(
                    "Invalid value for '--format': '" + format + "' (text or json)");
        }
        ValidationOptions options = ValidationOptions.DEFAULT;
        if (accountUsage != null) {
            try {
                options = ValidationOptions.parseAccountUsage(accountUsage);
            } catch (IllegalArgumentException e) {
                throw new UsageException("Invalid value for '--account-usage': " + e.getMessage());
            }
        }
        Path root = context.requireProjectDirectory();
        long start = System.nanoTime();
        Validation.Report report =
                Validation.run(root, context.plugins(), context.paths(), options, builtins);
        long millis = (System.nanoTime() - start) / 1_000_000;
        if (format.equals("json")) {
            context.console().out().println(json(report));
        } else {
            for (Diagnostic d : report.findings()) {
                context.console().out().println(oneLine(context.format(d)));
            }
            context.console().out().println(summary(report));
        }
        context.console().info("validated in " + millis + " ms");
        report.validator()
                .ifPresent(
                        v ->
                                v.timings().entrySet().stream()
                                        .sorted(
                                                Map.Entry.<RuleCatalog, Long>comparingByValue()
                                                        .reversed())
                                        .limit(5)
                                        .forEach(
                                                e ->
                                                        context.console()
                                                                .debug(
                                                                        "  "
                                                                                + e.getKey().code()
                                                                                + " "
                                                                                + e.getValue()
                                                                                        / 1_000_000
                                                                                + " ms")));
        context.console().out().flush();
        boolean failed = report.errors() > 0 || (strict && report.warnings() > 0);
        return failed ? ExitCode.ERROR : ExitCode.OK;
    }

    /** {@code 1 error, 2 warnings}, or that nothing was found. */
    static String summary(Validation.Report report) {
        String text =
                report.errors() == 0 && report.warnings() == 0
                        ? "no errors, no warnings"
                        : plural(report.errors(), "error")
                                + ", "
                                + plural(report.warnings(), "warning");
        if (report.hiddenBuiltinWarnings() > 0) {
            text +=
                    " ("
                            + plural(report.hiddenBuiltinWarnings(), "warning")
                            + " about built-in components not shown: --builtins shows them)";
        }
        return text;
    }

    private static String plural(long n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }

    static String oneLine(String text) {
        return text.replaceAll("\\s*\\R\\s*", " ").trim();
    }

    private String json(Validation.Report report) {
        List<Map<String, Object>> findings = report.findings().stream().map(this::json).toList();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("findings", findings);
        out.put("errors", report.errors());
        out.put("warnings", report.warnings());
        out.put("hiddenBuiltinWarnings", report.hiddenBuiltinWarnings());
        try {
            return new ObjectMapper()
                    .enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(out);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, Object> json(Diagnostic d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", d.code());
        m.put("severity", d.severity().label());
        Location at =
                d.location() == null
                        ? null
                        : d.location().relativeTo(context.environment().workingDirectory());
        m.put("file", at == null ? null : at.file().toString());
        m.put("line", at == null ? null : at.line());
        m.put("column", at == null ? null : at.column());
        m.put("message", oneLine(d.message()));
        m.put("hint", d.hint() == null ? null : oneLine(d.hint()));
        return m;
    }
}
