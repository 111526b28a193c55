package cirrus.cli.command;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Callable;

import cirrus.cli.CliContext;
import cirrus.cli.ExitCode;
import cirrus.cli.UsageException;
import cirrus.compile.BlueGreenStep;
import cirrus.compile.Compilation;
import cirrus.compile.CompileDiagnostics;
import cirrus.compile.Compiler;
import cirrus.diag.Diagnostic;
import cirrus.plan.Plan;
import cirrus.plan.ProjectPlanner;
import cirrus.plan.baseline.Baseline;
import cirrus.plan.capacity.Capacity;
import cirrus.plan.capacity.CapacityText;
import cirrus.plan.capacity.QueueCapacity;
import cirrus.plan.report.JsonReport;
import cirrus.plan.report.TextReport;
import cirrus.plan.template.Template;
import cirrus.plan.template.TemplateLoader;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code cirrus plan}: what deploying the build does to Batch resources, running jobs and in-flight
 * executions, compared with the baseline; exits {@value #BREAKING} when something breaks (a CI
 * gate). {@code --accept} stores the build as the new baseline.
 */
@Command(name = "plan", description = "Plan what a deploy does to Batch resources and jobs.")
public final class PlanCommand implements Callable<Integer> {
    /** The exit status of a plan with a breaking change. */
    public static final int BREAKING = ExitCode.BREAKING;

    @Mixin HelpOption help;

    @Option(
            names = "--against",
            paramLabel = "PATH",
            description =
                    "Compare with this build dir, serverless.yml or CloudFormation template instead"
                            + " of the baseline.")
    Path against;

    @Option(names = "--accept", description = "Store the build output as the baseline.")
    boolean accept;

    @Option(
            names = {"-o", "--output", "--format"},
            paramLabel = "FORMAT",
            description = "text (default) or json.")
    String format = "text";

    @Option(
            names = "--capacity",
            description = "Also show the concurrent jobs each job queue can run (MaxvCpus).")
    boolean capacity;

    @Option(
            names = "--concurrency",
            paramLabel = "N",
            description = "With the capacity: the vCPUs N concurrent jobs need.")
    Long concurrency;

    @Option(
            names = "--blue-green",
            description =
                    "Plan the project as if every Batch task had batch.blueGreen: true (compiles"
                            + " it in memory).")
    boolean blueGreen;

    private final CliContext context;

    public PlanCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        if (!format.equals("text") && !format.equals("json")) {
            throw new UsageException("--format must be text or json, not '" + format + "'");
        }
        if (concurrency != null && concurrency < 1) {
            throw new UsageException("--concurrency must be at least 1");
        }
        Path root = context.requireProjectDirectory();
        Path cwd = context.environment().workingDirectory();
        if (accept) {
            if (against != null || blueGreen) {
                throw new UsageException("--accept stores the build output; use it alone");
            }
            return accept(root);
        }
        Template current = blueGreen ? blueGreenBuild(root) : ProjectPlanner.built(root);
        Template previous =
                ProjectPlanner.previous(root, Optional.ofNullable(against).map(cwd::resolve));
        Plan plan =
                ProjectPlanner.plan(previous, current)
                        .labelled(
                                context.paths().show(previous.source()),
                                context.paths().show(current.source()));
        OptionalLong requested =
                concurrency == null ? OptionalLong.empty() : OptionalLong.of(concurrency);
        boolean withCapacity = capacity || concurrency != null;
        List<QueueCapacity> queues = withCapacity ? Capacity.of(current, requested) : List.of();
        if (format.equals("json")) {
            Map<String, Object> tree = JsonReport.tree(plan);
            if (withCapacity) {
                tree.put("capacity", CapacityJson.of(queues));
            }
            context.console().out().print(JsonReport.write(tree));
        } else {
            context.console().out().print(TextReport.of(plan));
            if (withCapacity) {
                context.console().out().print("\n" + CapacityText.of(queues, requested));
            }
        }
        context.console().out().flush();
        return plan.breaking() ? BREAKING : ExitCode.OK;
    }

    private int accept(Path root) {
        Template built = ProjectPlanner.built(root);
        Path stored = Baseline.accept(root, built);
        context.console()
                .out()
                .println(
                        "Baseline: "
                                + context.paths().show(stored)
                                + " (from "
                                + context.paths().show(built.source())
                                + ")");
        Baseline.liveRevisions(root)
                .forEach(
                        (stem, rev) ->
                                context.console()
                                        .out()
                                        .println("  live: " + stem + " revision " + rev));
        return ExitCode.OK;
    }

    private Template blueGreenBuild(Path root) {
        CompileDiagnostics diagnostics = new CompileDiagnostics();
        Compilation compilation = Compiler.compile(context.project(), diagnostics);
        Map<String, Object> tree =
                BlueGreenStep.apply(context.project(), compilation.serverless(), diagnostics, true);
        for (Diagnostic d : diagnostics.all()) {
            context.console().warn(context.format(d));
        }
        diagnostics.throwIfErrors();
        return TemplateLoader.of(
                root.resolve(ProjectPlanner.BUILD_DIR).resolve("serverless.yml"), tree);
    }
}
