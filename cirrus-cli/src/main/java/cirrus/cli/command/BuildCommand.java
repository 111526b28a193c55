package cirrus.cli.command;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;

import cirrus.cli.CliContext;
import cirrus.cli.ExitCode;
import cirrus.cli.UsageException;
import cirrus.compile.Build;
import cirrus.compile.BuildCheck;
import cirrus.compile.cfn.CloudFormationBuild;
import cirrus.compile.cfn.CloudFormationTarget;
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
 * it. {@code --target cloudformation} also writes {@code cloudformation.json} ({@code
 * cirrus.compile.cfn}).
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

    @Option(
            names = "--target",
            paramLabel = "TARGET",
            description =
                    "serverless (default): serverless.yml; cloudformation: also a standalone"
                            + " cloudformation.json.")
    String target = "serverless";

    @Option(
            names = "--stage",
            paramLabel = "STAGE",
            description = "With --target cloudformation: the stage ($${opt:stage}).")
    String stage;

    @Option(
            names = "--region",
            paramLabel = "REGION",
            description = "With --target cloudformation: the region ($${opt:region}).")
    String region;

    private final CliContext context;

    public BuildCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Build.Target buildTarget =
                switch (target) {
                    case "serverless" -> {
                        if (stage != null || region != null) {
                            throw new UsageException(
                                    "--stage and --region apply to --target cloudformation");
                        }
                        yield Build.Target.SERVERLESS;
                    }
                    case "cloudformation" -> cloudFormation(context, stage, region);
                    default ->
                            throw new UsageException(
                                    "--target must be serverless or cloudformation, not '"
                                            + target
                                            + "'");
                };
        Path root = context.requireProjectDirectory();
        BuildValidation validation = noValidate ? null : validation(context);
        BuildCheck check = validation == null ? BuildCheck.NONE : validation;
        Build.Report report =
                Build.run(
                        root,
                        context.plugins(),
                        context.paths(),
                        inputs(context),
                        check,
                        buildTarget);
        print(context, report, validation);
        return report.failed() ? ExitCode.ERROR : ExitCode.OK;
    }

    /** The project validator as a build check. */
    static BuildValidation validation(CliContext context) {
        return new BuildValidation(ValidationOptions.DEFAULT, context.plugins());
    }

    /** The CloudFormation target with {@code --stage} and {@code --region}. */
    static CloudFormationBuild cloudFormation(CliContext context, String stage, String region) {
        return new CloudFormationBuild(
                new CloudFormationTarget.Options(
                        Optional.ofNullable(stage),
                        Optional.ofNullable(region),
                        context.environment().variables()));
    }

    /** Prints the findings of a build on stderr (validation warnings counted, shown by -v). */
    static void print(CliContext context, Build.Report report, BuildValidation validation) {
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
    }

    /** Where the build finds the builtins' jar and the Python runtime library. */
    static Build.Inputs inputs(CliContext context) {
        Path cwd = context.environment().workingDirectory();
        Optional<Path> repository = repository();
        Optional<Path> jar =
                context.environment()
                        .get(LAMBDA_JAR)
                        .map(p -> cwd.resolve(p))
                        .or(BuildCommand::lambdaJarInDistribution)
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
     * The builtins' jar of an installed distribution: {@code share/cirrus-aws-lambda.jar} beside
     * the {@code lib/} directory of the CLI jar.
     */
    static Optional<Path> lambdaJarInDistribution() {
        return cliJar().map(cli -> cli.resolveSibling("../share/cirrus-aws-lambda.jar").normalize())
                .filter(Files::isRegularFile);
    }

    private static Optional<Path> cliJar() {
        try {
            var location = BuildCommand.class.getProtectionDomain().getCodeSource().getLocation();
            return Optional.of(Path.of(location.toURI()).toAbsolutePath().normalize());
        } catch (URISyntaxException | SecurityException | NullPointerException e) {
            return Optional.empty();
        }
    }

    /**
     * The repository the running CLI was built in: the CLI is {@code
     * <repository>/cirrus-cli/target/cirrus-cli.jar} (or {@code .../target/classes}).
     */
    static Optional<Path> repository() {
        return cliJar().map(Path::getParent)
                .filter(target -> target.getParent() != null)
                .map(target -> target.getParent().getParent());
    }
}
