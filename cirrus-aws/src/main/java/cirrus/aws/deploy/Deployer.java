package cirrus.aws.deploy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.ObjectMapper;

import software.amazon.awssdk.core.exception.SdkException;

import cirrus.aws.config.AwsSettings;

/**
 * {@code cirrus deploy} on AWS: packages the code (a zip per Python Lambda with its requirements,
 * the builtins' jar as it is), uploads it and the template to the deployment bucket, creates or
 * updates the stack with the code locations as parameters, and waits for the result.
 */
public final class Deployer implements AutoCloseable {
    private final DeployClients clients;
    private final PythonRequirements pip;
    private final Consumer<String> progress;

    /**
     * @param settings region, endpoint and credentials
     * @param pip the pip command ({@code python3 -m pip} unless the user names another)
     * @param progress receives one line per step (for stderr)
     */
    public Deployer(AwsSettings settings, List<String> pip, Consumer<String> progress) {
        this.clients = new DeployClients(settings);
        this.pip = new PythonRequirements(pip);
        this.progress = progress;
    }

    public DeployResult deploy(DeployRequest request) {
        String bucketName = request.bucket().orElseGet(this::defaultBucket);
        DeploymentBucket bucket =
                new DeploymentBucket(
                        clients.s3(), bucketName, clients.settings().region(), progress);
        List<Packager.Package> packages =
                new Packager(
                                request.workDirectory(),
                                pip,
                                new SlimPatterns(request.slimPatterns()),
                                progress)
                        .packageAll(request.code(), request.stackName());
        bucket.ensureExists();
        int uploaded = 0;
        Map<String, String> parameters = new LinkedHashMap<>();
        if (!packages.isEmpty()) {
            parameters.put(request.codeBucketParameter(), bucketName);
        }
        for (Packager.Package p : packages) {
            if (bucket.upload(p.file(), p.key())) {
                progress.accept(
                        "Uploaded "
                                + p.file().getFileName()
                                + " to s3://"
                                + bucketName
                                + "/"
                                + p.key());
                uploaded++;
            }
            parameters.put(p.parameter(), p.key());
        }
        parameters.putAll(request.parameters());
        String templateKey =
                request.stackName()
                        + "/cloudformation-"
                        + sha256(request.template()).substring(0, 16)
                        + ".json";
        bucket.upload(request.template(), templateKey);
        writeQuietly(request.workDirectory().resolve("parameters.json"), parameters);
        StackDeployer.Result result =
                new StackDeployer(
                                clients.cloudFormation(),
                                request.pollInterval(),
                                request.timeout(),
                                progress)
                        .deploy(
                                request.stackName(),
                                bucket.url(templateKey),
                                parameters,
                                templateParameters(request.template()));
        return new DeployResult(
                result.stackName(),
                result.status(),
                result.changed(),
                bucketName,
                uploaded,
                result.outputs());
    }

    /** The names of the template's parameters. */
    static java.util.Set<String> templateParameters(String template) {
        java.util.Set<String> names = new java.util.LinkedHashSet<>();
        try {
            new ObjectMapper()
                    .readTree(template)
                    .path("Parameters")
                    .properties()
                    .forEach(e -> names.add(e.getKey()));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new DeployException(
                    DeployException.REQUEST,
                    "the template is not JSON: " + e.getOriginalMessage(),
                    e);
        }
        return names;
    }

    private String defaultBucket() {
        try {
            String account = clients.sts().getCallerIdentity().account();
            return DeploymentBucket.defaultName(account, clients.settings().region());
        } catch (SdkException e) {
            throw new DeployException(
                    DeployException.BUCKET,
                    "cannot tell the AWS account (sts get-caller-identity failed: "
                            + SdkErrors.of(e)
                            + "); check the credentials or give --bucket",
                    e);
        }
    }

    /**
     * Records the parameter values used ({@code aws cloudformation create-stack --parameters
     * file://...} reads this format); informative, so a failure to write it is ignored.
     */
    private static void writeQuietly(Path file, Map<String, String> parameters) {
        List<Map<String, String>> list = new java.util.ArrayList<>();
        parameters.forEach(
                (k, v) -> {
                    Map<String, String> entry = new LinkedHashMap<>();
                    entry.put("ParameterKey", k);
                    entry.put("ParameterValue", v);
                    list.add(entry);
                });
        try {
            Files.createDirectories(file.getParent());
            new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(file.toFile(), list);
        } catch (java.io.IOException e) {
            // informative only
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(
                            MessageDigest.getInstance("SHA-256")
                                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    @Override
    public void close() {
        clients.close();
    }
}
