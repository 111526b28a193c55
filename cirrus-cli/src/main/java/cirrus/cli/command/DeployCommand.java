package cirrus.cli.command;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import software.amazon.awssdk.regions.Region;

import cirrus.aws.config.AwsSettings;
import cirrus.aws.deploy.CodeSource;
import cirrus.aws.deploy.DeployException;
import cirrus.aws.deploy.DeployRequest;
import cirrus.aws.deploy.DeployResult;
import cirrus.aws.deploy.Deployer;
import cirrus.cli.CliContext;
import cirrus.cli.ExitCode;
import cirrus.cli.UsageException;
import cirrus.compile.Build;
import cirrus.compile.cfn.CloudFormationBuild;
import cirrus.compile.cfn.CodeArtifact;
import cirrus.compile.cfn.StackTemplate;
import cirrus.project.Project;
import cirrus.project.ProjectException;
import cirrus.validate.BuildValidation;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code cirrus deploy}: builds the project for CloudFormation (a project that does not build does
 * not deploy), packages and uploads the Lambda code, creates or updates the stack and waits for it.
 * Progress goes to stderr; the stack's outputs go to stdout. A failed stack operation names the
 * first failing resource and its reason, and CloudFormation keeps the previous version.
 */
@Command(
        name = "deploy",
        description =
                "Build the project as CloudFormation and deploy the stack (no Serverless Framework needed).")
public final class DeployCommand implements Callable<Integer> {
    /** Environment variable: the pip command (default {@code python3 -m pip}). */
    public static final String PIP = "CIRRUS_PIP";

    /** Error code: the project has errors, so nothing was deployed. */
    public static final String NOT_BUILT = "CIRRUS-D000";

    @Mixin HelpOption help;

    @Option(
            names = "--stage",
            paramLabel = "STAGE",
            description = "The stage ($${opt:stage}); default: provider.stage.")
    String stage;

    @Option(
            names = "--region",
            paramLabel = "REGION",
            description = "The region ($${opt:region}); default: provider.region.")
    String region;

    @Option(
            names = "--endpoint-url",
            paramLabel = "URL",
            description = "Send every AWS request to URL (moto, LocalStack).")
    URI endpoint;

    @Option(
            names = "--bucket",
            paramLabel = "BUCKET",
            description =
                    "The deployment bucket; default: provider.deploymentBucket, else cirrus-deploy-<account>-<region> (created if missing).")
    String bucket;

    @Option(
            names = "--parameter",
            paramLabel = "KEY=VALUE",
            description = "A template parameter value (repeatable).")
    Map<String, String> parameters = new LinkedHashMap<>();

    @Option(
            names = "--timeout",
            paramLabel = "MINUTES",
            description = "How long to wait for the stack (default: ${DEFAULT-VALUE}).")
    long timeoutMinutes = 60;

    private final CliContext context;

    public DeployCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        if (timeoutMinutes < 1) {
            throw new UsageException("--timeout must be at least 1 minute");
        }
        Path root = context.requireProjectDirectory();
        CloudFormationBuild target = BuildCommand.cloudFormation(context, stage, region);
        BuildValidation validation = BuildCommand.validation(context);
        Build.Report report =
                Build.run(
                        root,
                        context.plugins(),
                        context.paths(),
                        BuildCommand.inputs(context),
                        validation,
                        target);
        BuildCommand.print(context, report, validation);
        if (report.failed() || target.template().isEmpty()) {
            throw new ProjectException(
                    NOT_BUILT, "the project has errors (above), so nothing was deployed");
        }
        StackTemplate template = target.template().get();
        Path buildDir = root.resolve(Project.BUILD_DIR);
        AwsSettings settings = AwsSettings.fromEnvironment(context.environment().variables());
        settings =
                new AwsSettings(
                        Region.of(Optional.ofNullable(region).orElse(template.region())),
                        Optional.ofNullable(endpoint).or(settings::endpoint),
                        settings.credentials());
        List<CodeSource> code =
                template.artifacts().stream()
                        .map(
                                a ->
                                        new CodeSource(
                                                a.parameter(),
                                                buildDir.resolve(a.path()),
                                                a.kind() == CodeArtifact.Kind.PYTHON_DIRECTORY))
                        .toList();
        Duration poll =
                settings.endpoint().isPresent() ? Duration.ofMillis(250) : Duration.ofSeconds(5);
        DeployRequest request =
                new DeployRequest(
                        template.stackName(),
                        template.json(),
                        StackTemplate.CODE_BUCKET_PARAMETER,
                        code,
                        parameters,
                        Optional.ofNullable(bucket).or(template::deploymentBucket),
                        template.slimPatterns(),
                        buildDir.resolve("deploy"),
                        poll,
                        Duration.ofMinutes(timeoutMinutes));
        context.console()
                .err()
                .println(
                        "Deploying stack "
                                + template.stackName()
                                + " ("
                                + template.resourceCount()
                                + " resources) to "
                                + settings.region().id());
        DeployResult result;
        try (Deployer deployer =
                new Deployer(
                        settings,
                        pip(),
                        line -> {
                            context.console().err().println(line);
                            context.console().err().flush();
                        })) {
            result = deployer.deploy(request);
        } catch (DeployException e) {
            throw new ProjectException(e.code(), e.getMessage(), e);
        }
        var out = context.console().out();
        out.println(
                "Stack "
                        + result.stackName()
                        + ": "
                        + result.status()
                        + (result.changed() ? "" : " (no changes)"));
        if (!result.outputs().isEmpty()) {
            out.println("Outputs:");
            int width = result.outputs().keySet().stream().mapToInt(String::length).max().orElse(0);
            result.outputs()
                    .forEach(
                            (k, v) ->
                                    out.println("  " + k + " ".repeat(width - k.length() + 2) + v));
        }
        return ExitCode.OK;
    }

    private List<String> pip() {
        return context.environment()
                .get(PIP)
                .map(p -> List.of(p.trim().split("\\s+")))
                .orElse(List.of("python3", "-m", "pip"));
    }
}
