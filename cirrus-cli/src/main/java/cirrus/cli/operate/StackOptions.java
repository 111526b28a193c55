package cirrus.cli.operate;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.regions.Region;

import cirrus.aws.config.AwsClients;
import cirrus.aws.config.AwsSettings;
import cirrus.aws.operate.AwsOperations;
import cirrus.aws.operate.DeployedStack;
import cirrus.runtime.operate.OperateException;
import cirrus.runtime.operate.PipelineOperations;

import picocli.CommandLine.Option;

/**
 * The options that point an operate command at a deployed stack: {@code --stage} (the stack is the
 * project's {@code provider.stackName}, else {@code <service>-<stage>}) or {@code --stack}, with
 * {@code --region}, {@code --profile} and {@code --endpoint-url}. Without {@code --stage} and
 * {@code --stack} the command works on the local engine.
 */
public final class StackOptions {
    @Option(
            names = "--stage",
            paramLabel = "STAGE",
            description = "Operate the deployed stack of this stage (<service>-<stage>).")
    String stage;

    @Option(
            names = "--stack",
            paramLabel = "NAME",
            description = "Operate this deployed CloudFormation stack.")
    String stack;

    @Option(
            names = "--region",
            paramLabel = "REGION",
            description = "AWS region (default: AWS_REGION, the profile's, provider.region).")
    String region;

    @Option(names = "--profile", paramLabel = "PROFILE", description = "AWS credentials profile.")
    String profile;

    @Option(
            names = "--endpoint-url",
            paramLabel = "URL",
            description = "Send every AWS request to URL (moto, LocalStack).")
    URI endpoint;

    /** Whether the command targets a deployed stack. */
    public boolean deployed() {
        return stage != null || stack != null;
    }

    /** A connection to the deployed stack; the caller closes it. */
    public Deployed connect(Map<String, String> env, Optional<Path> project) {
        Optional<String> config = project.flatMap(StackOptions::readConfig);
        String name =
                stack != null
                        ? stack
                        : config.flatMap(c -> value(c, "stackName"))
                                .orElseGet(() -> serviceOf(config) + "-" + stage);
        AwsSettings fromEnv = AwsSettings.fromEnvironment(env);
        String regionName =
                Optional.ofNullable(region)
                        .or(() -> nonBlank(env.get("AWS_REGION")))
                        .or(() -> nonBlank(env.get("AWS_DEFAULT_REGION")))
                        .or(() -> profileRegion(env))
                        .or(() -> config.flatMap(c -> value(c, "region")))
                        .orElse(AwsSettings.DEFAULT_REGION);
        AwsSettings settings =
                new AwsSettings(
                        Region.of(regionName),
                        Optional.ofNullable(endpoint).or(fromEnv::endpoint),
                        profile != null
                                ? ProfileCredentialsProvider.builder().profileName(profile).build()
                                : fromEnv.credentials());
        DeployedStack found = DeployedStack.find(settings, name);
        AwsClients clients = new AwsClients(settings);
        return new Deployed(AwsOperations.of(clients, found), found, clients);
    }

    /** An open connection to a deployed stack. */
    public record Deployed(PipelineOperations operations, DeployedStack stack, AwsClients clients)
            implements AutoCloseable {
        @Override
        public void close() {
            clients.close();
        }
    }

    private String serviceOf(Optional<String> config) {
        return config.flatMap(c -> value(c, "service"))
                .filter(s -> !s.contains("${"))
                .orElseThrow(
                        () ->
                                new OperateException(
                                        OperateException.Code.STACK_NOT_FOUND,
                                        "cannot tell the stack of stage "
                                                + stage
                                                + ": no cirrus.yml with a plain `service:` here",
                                        "run in the project directory or pass --stack NAME"));
    }

    private Optional<String> profileRegion(Map<String, String> env) {
        String name = profile != null ? profile : env.get("AWS_PROFILE");
        if (name == null) {
            return Optional.empty();
        }
        try {
            return ProfileFile.defaultProfileFile()
                    .profile(name)
                    .flatMap(p -> p.property("region"));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> readConfig(Path project) {
        try {
            return Optional.of(Files.readString(project.resolve("cirrus.yml")));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * A plain scalar of cirrus.yml: {@code service} at the top level, {@code stackName} and {@code
     * region} under {@code provider} (indented). Values with variables are not resolved.
     */
    static Optional<String> value(String config, String key) {
        String indent = key.equals("service") ? "" : "[ \\t]+";
        Matcher m =
                Pattern.compile(
                                "(?m)^"
                                        + indent
                                        + key
                                        + ":[ \\t]*['\"]?([A-Za-z0-9._${}:-]+)['\"]?[ \\t]*(#.*)?$")
                        .matcher(config);
        return m.find() ? Optional.of(m.group(1)).filter(v -> !v.contains("${")) : Optional.empty();
    }

    private static Optional<String> nonBlank(String v) {
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v);
    }
}
