package cirrus.cli.command;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;

import cirrus.cli.CliContext;
import cirrus.cli.ExitCode;
import cirrus.compile.Build;
import cirrus.compile.BuildCheck;
import cirrus.diag.Diagnostic;
import cirrus.validate.BuildValidation;
import cirrus.validate.ValidationOptions;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code cirrus build}: compiles the project into {@code .cirrus/build/} (serverless.yml, Python
 * Lambda directories, the builtin Lambdas' jar). Silent on success, like cirrus v0.15.4; warnings
 * and errors go to stderr, all of them in one run, and any error leaves the previous build output
 * as it was and exits 1. The project validator runs first ({@code cirrus validate}): its errors
 * stop the build, its warnings are counted (shown with {@code -v}), and {@code --no-validate} skips
 * it.
 */
@Command(name = "build", description = "Build the cirrus configuration into a serverless.yml.")
public final class BuildCommand implements Callable<Integer> {
    /** Environment variable: the jar of the builtin Java Lambdas to deploy. */
    public static final String LAMBDA_JAR = "CIRRUS_LAMBDA_JAR";

    /**
     * Environment variable: a cirrus-geo {@code cirrus} package directory holding {@code lib2/}.
     */
    public static final String PYTHON_LIB = "CIRRUS_PYTHON_LIB";

    /** Where the AWS module's build puts the Lambda jar, relative to the repository. */
    static final String LAMBDA_JAR_IN_REPOSITORY = "cirrus-aws/target/cirrus-aws-lambda.jar";

    @Mixin HelpOption help;

    @Option(names = "--no-validate", description = "Build even if 'cirrus validate' finds errors.")
    boolean noValidate;

    private final CliContext context;

    public BuildCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Path root = context.requireProjectDirectory();
        BuildValidation validation =
                noValidate
                        ? null
                        : new BuildValidation(ValidationOptions.DEFAULT, context.plugins());
        BuildCheck check = validation == null ? BuildCheck.NONE : validation;
        Build.Report report = Build.run(root, context.plugins(), context.paths(), inputs(), check);
        for (Diagnostic d : report.diagnostics()) {
            if (d.severity().isError()) {
                context.console().error(context.format(d));
            } else {
                context.console().warn(context.format(d));
            }
        }
        if (validation != null && validation.warnings() > 0) {
            context.console()
                    .info(
                            validation.warnings()
                                    + " validation warning(s): 'cirrus validate' lists them");
        }
        return report.failed() ? ExitCode.ERROR : ExitCode.OK;
    }

    private Build.Inputs inputs() {
        Path cwd = context.environment().workingDirectory();
        Optional<Path> repository = repository();
        Optional<Path> jar =
                context.environment()
                        .get(LAMBDA_JAR)
                        .map(p -> cwd.resolve(p))
                        .or(() -> repository.map(r -> r.resolve(LAMBDA_JAR_IN_REPOSITORY)));
        String hint =
                "build it with 'mvn -pl cirrus-aws -am package'"
                        + repository.map(r -> " in " + r).orElse("")
                        + " or set "
                        + LAMBDA_JAR
                        + " to its path";
        Optional<Path> lib = context.environment().get(PYTHON_LIB).map(p -> cwd.resolve(p));
        return new Build.Inputs(jar, lib, hint);
    }

    /**
     * The repository the running CLI was built in: the CLI is {@code
     * <repository>/cirrus-cli/target/cirrus-cli.jar} (or {@code .../target/classes}).
     */
    static Optional<Path> repository() {
        try {
            var location = BuildCommand.class.getProtectionDomain().getCodeSource().getLocation();
            Path cli = Path.of(location.toURI()).toAbsolutePath().normalize();
            Path target = cli.getParent();
            if (target == null || target.getParent() == null) {
                return Optional.empty();
            }
            return Optional.ofNullable(target.getParent().getParent());
        } catch (URISyntaxException | SecurityException | NullPointerException e) {
            return Optional.empty();
        }
    }
}
