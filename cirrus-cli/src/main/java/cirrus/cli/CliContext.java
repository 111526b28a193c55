package cirrus.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import cirrus.cli.output.Console;
import cirrus.project.PathDisplay;
import cirrus.project.load.ProjectLocator;

/**
 * What every command of one {@code cirrus} invocation shares: the console, the environment, the
 * global options ({@code --cirrus-dir}, {@code -v}, {@code --stacktrace}) and the project they
 * select. Created by {@link Cli} and passed to command constructors.
 */
public final class CliContext {
    /** Environment variable naming the project directory, like {@code --cirrus-dir}. */
    public static final String CIRRUS_DIR = "CIRRUS_DIR";

    private final Console console;
    private final Environment environment;
    private Path cirrusDir;
    private boolean stacktrace;
    private Optional<Path> projectDirectory;

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
                        () -> new UserException("Fatal: no cirrus project detected/specified."));
    }
}
