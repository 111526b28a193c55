package cirrus.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import cirrus.cli.output.Console;
import cirrus.diag.Diagnostic;
import cirrus.project.PathDisplay;
import cirrus.project.Project;
import cirrus.project.ProjectException;
import cirrus.project.load.PluginDiscovery;
import cirrus.project.load.ProjectLoader;
import cirrus.project.load.ProjectLocator;
import cirrus.project.load.ResourcePlugin;

/**
 * What every command of one {@code cirrus} invocation shares: the console, the environment, the
 * global options ({@code --cirrus-dir}, {@code -v}, {@code --stacktrace}) and the project they
 * select. Created by {@link Cli} and passed to command constructors.
 */
public final class CliContext {
    /** Environment variable naming the project directory, like {@code --cirrus-dir}. */
    public static final String CIRRUS_DIR = "CIRRUS_DIR";

    /** Error code: a command that needs a project was run outside one. */
    public static final String NO_PROJECT = "CIRRUS-P051";

    private final Console console;
    private final Environment environment;
    private Path cirrusDir;
    private boolean stacktrace;
    private Optional<Path> projectDirectory;
    private List<ResourcePlugin> plugins;
    private Project project;

    CliContext(Console console, Environment environment) {
        this.console = console;
        this.environment = environment;
    }

    public Console console() {
        return console;
    }

    public Environment environment() {
        return environment;
    }

    /** Shows paths relative to the working directory. */
    public PathDisplay paths() {
        return new PathDisplay(environment.workingDirectory());
    }

    void setGlobalOptions(Path cirrusDir, int verbosity, boolean stacktrace) {
        this.cirrusDir = cirrusDir;
        this.stacktrace = stacktrace;
        console.setVerbosity(verbosity);
    }

    boolean showStackTraces() {
        return stacktrace || console.verbosity() > 0;
    }

    /**
     * The project directory chosen by {@code --cirrus-dir} or {@code CIRRUS_DIR} (which must name
     * an existing directory), resolved against the working directory; empty when neither is set.
     */
    public Optional<Path> explicitProjectDirectory() {
        Path dir = cirrusDir;
        String source = "'--cirrus-dir'";
        if (dir == null) {
            Optional<String> env = environment.get(CIRRUS_DIR);
            if (env.isEmpty()) {
                return Optional.empty();
            }
            dir = Path.of(env.get());
            source = "'--cirrus-dir' (env var: '" + CIRRUS_DIR + "')";
        }
        Path resolved = environment.workingDirectory().resolve(dir).toAbsolutePath().normalize();
        if (!Files.exists(resolved)) {
            throw new UsageException(
                    "Invalid value for " + source + ": Directory '" + dir + "' does not exist.");
        }
        if (!Files.isDirectory(resolved)) {
            throw new UsageException(
                    "Invalid value for " + source + ": Directory '" + dir + "' is a file.");
        }
        return Optional.of(resolved);
    }

    /**
     * The project directory: the explicit one (which must be a project) or the nearest {@code
     * cirrus.yml} at or above the working directory; empty outside a project.
     */
    public Optional<Path> projectDirectory() {
        if (projectDirectory == null) {
            projectDirectory =
                    ProjectLocator.locate(
                            environment.workingDirectory(), explicitProjectDirectory());
        }
        return projectDirectory;
    }

    /** The project directory, for commands that cannot work without a project. */
    public Path requireProjectDirectory() {
        return projectDirectory()
                .orElseThrow(
                        () ->
                                new ProjectException(
                                        NO_PROJECT,
                                        "no cirrus project detected/specified (run 'cirrus init'"
                                                + " or use --cirrus-dir)"));
    }

    /** Prints a warning (or other non-fatal diagnostic) on stderr. */
    public void report(Diagnostic diagnostic) {
        console.warn(format(diagnostic));
    }

    /** The one-line form of {@code diagnostic}, its file relative to the working directory. */
    public String format(Diagnostic diagnostic) {
        if (diagnostic.location() == null) {
            return diagnostic.format();
        }
        return new Diagnostic(
                        diagnostic.code(),
                        diagnostic.severity(),
                        diagnostic.location().relativeTo(environment.workingDirectory()),
                        diagnostic.message(),
                        diagnostic.hint())
                .format();
    }

    /** The resource plugins: built-in first, then {@code CIRRUS_PLUGIN_PATH} and jars. */
    public List<ResourcePlugin> plugins() {
        if (plugins == null) {
            plugins =
                    PluginDiscovery.discover(
                            environment.get(PluginDiscovery.PLUGIN_PATH),
                            environment.workingDirectory(),
                            CliContext.class.getClassLoader(),
                            this::report);
        }
        return plugins;
    }

    /**
     * The project (or, outside one, the built-in and plugin elements only); warnings found while
     * loading are printed as they come.
     */
    public Project project() {
        if (project == null) {
            project = ProjectLoader.open(projectDirectory(), plugins(), paths(), this::report);
        }
        return project;
    }
}
