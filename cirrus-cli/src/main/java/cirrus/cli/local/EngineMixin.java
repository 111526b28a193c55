package cirrus.cli.local;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import cirrus.cli.CliContext;
import cirrus.diag.Diagnostic;
import cirrus.diag.DiagnosticException;
import cirrus.local.engine.EngineOptions;
import cirrus.local.model.LocalModel;
import cirrus.local.model.LocalModelBuilder;
import cirrus.local.model.ModelOptions;

import picocli.CommandLine.Option;

/** The options of the commands that start a local engine ({@code run}, {@code serve}). */
public final class EngineMixin {

    @Option(names = "--stage", description = "The stage (default: dev).")
    String stage;

    @Option(names = "--region", description = "The region of local ARNs (default: us-west-2).")
    String region;

    @Option(
            names = "--state-dir",
            paramLabel = "DIR",
            description = "Where local state lives (default: <project>/.cirrus/local).")
    Path stateDirectory;

    @Option(
            names = "--time-scale",
            paramLabel = "F",
            defaultValue = "1",
            description =
                    "Wait states, Retry intervals and timeouts last F times as long (e.g. 0.01).")
    double timeScale;

    @Option(
            names = "--concurrency",
            paramLabel = "N",
            defaultValue = "8",
            description = "Lambda invocations at once (default 8).")
    int concurrency;

    /** The project directory ({@code --cirrus-dir}, {@code CIRRUS_DIR} or found upwards). */
    public Path projectDirectory(CliContext context) {
        return context.requireProjectDirectory();
    }

    /** The engine options. */
    public EngineOptions engineOptions() {
        try {
            return new EngineOptions(timeScale, concurrency);
        } catch (IllegalArgumentException e) {
            throw new LocalCommandException(e.getMessage());
        }
    }

    /**
     * Loads the local model of the compiled project; prints every diagnostic and throws when it
     * cannot be built.
     */
    public LocalModel model(CliContext context, PrintWriter err) {
        Path dir = projectDirectory(context);
        Path build = LocalProject.buildFile(dir);
        if (!Files.isRegularFile(build)) {
            throw new LocalCommandException(
                    "the project is not built: "
                            + dir.relativize(build)
                            + " is missing (run `cirrus build` first)");
        }
        warnIfStale(dir, build, err);
        ModelOptions options = ModelOptions.defaults();
        if (stage != null) {
            options = options.withStage(stage);
        }
        if (region != null) {
            options = options.withRegion(region);
        }
        if (stateDirectory != null) {
            options = options.withStateDirectory(stateDirectory.toAbsolutePath());
        }
        try {
            return LocalModelBuilder.load(build, dir, options);
        } catch (DiagnosticException e) {
            for (Diagnostic d : e.diagnostics()) {
                err.println(d.location() == null ? d.format() : d.format());
            }
            throw new LocalCommandException(
                    e.diagnostics().size()
                            + " problem(s) in "
                            + dir.relativize(build)
                            + "; fix them and run `cirrus build`");
        }
    }

    private static void warnIfStale(Path dir, Path build, PrintWriter err) {
        try {
            Path config = dir.resolve("cirrus.yml");
            if (Files.isRegularFile(config)
                    && Files.getLastModifiedTime(config).compareTo(Files.getLastModifiedTime(build))
                            > 0) {
                err.println(
                        "cirrus: warning: cirrus.yml changed after the last build; run `cirrus build` to use the change");
            }
        } catch (java.io.IOException e) {
            // no warning then
        }
    }
}
