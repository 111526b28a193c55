package cirrus.aws.deploy;

import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Consumer;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketLocationConstraint;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The S3 bucket deployments upload code and templates to: the one given, or {@code
 * cirrus-deploy-<account>-<region>}, created (private) on first use. Objects are content-addressed,
 * so one already there is not uploaded again.
 */
final class DeploymentBucket {
    private final S3Client s3;
    private final String name;
    private final Region region;
    private final Consumer<String> progress;

    DeploymentBucket(S3Client s3, String name, Region region, Consumer<String> progress) {
        this.s3 = s3;
        this.name = name;
        this.region = region;
        this.progress = progress;
    }

    /** The default bucket name of an account and region. */
    static String defaultName(String account, Region region) {
        return ("cirrus-deploy-" + account + "-" + region.id()).toLowerCase(Locale.ROOT);
    }

    String name() {
        return name;
    }

    /** Creates the bucket if it does not exist. */
    void ensureExists() {
        try {
            s3.headBucket(r -> r.bucket(name));
            return;
        } catch (NoSuchBucketException e) {
            // create it below
        } catch (S3Exception e) {
            if (e.statusCode() != 404) {
                throw new DeployException(
                        DeployException.BUCKET,
                        "cannot use the deployment bucket '"
                                + name
                                + "' (HTTP "
                                + e.statusCode()
                                + "): "
                                + message(e)
                                + "; choose another one with --bucket",
                        e);
            }
        } catch (SdkException e) {
            throw new DeployException(
                    DeployException.BUCKET,
                    "cannot reach S3 for bucket '" + name + "': " + SdkErrors.of(e),
                    e);
        }
        progress.accept("Creating the deployment bucket " + name);
        try {
            s3.createBucket(
                    r -> {
                        r.bucket(name);
                        if (!region.equals(Region.US_EAST_1)) {
                            r.createBucketConfiguration(
                                    c ->
                                            c.locationConstraint(
                                                    BucketLocationConstraint.fromValue(
                                                            region.id())));
                        }
                    });
            s3.putPublicAccessBlock(
                    r ->
                            r.bucket(name)
                                    .publicAccessBlockConfiguration(
                                            c ->
                                                    c.blockPublicAcls(true)
                                                            .blockPublicPolicy(true)
                                                            .ignorePublicAcls(true)
                                                            .restrictPublicBuckets(true)));
        } catch (SdkException e) {
            throw new DeployException(
                    DeployException.BUCKET,
                    "cannot create the deployment bucket '"
                            + name
                            + "': "
                            + SdkErrors.of(e)
                            + "; choose one with --bucket",
                    e);
        }
    }

    /**
     * Uploads {@code file} as {@code key} unless an object of that key exists; true if uploaded.
     */
    boolean upload(Path file, String key) {
        try {
            try {
                s3.headObject(r -> r.bucket(name).key(key));
                return false;
            } catch (NoSuchKeyException e) {
                // upload below
            } catch (S3Exception e) {
                if (e.statusCode() != 404) {
                    throw e;
                }
            }
            s3.putObject(r -> r.bucket(name).key(key), RequestBody.fromFile(file));
            return true;
        } catch (SdkException e) {
            throw new DeployException(
                    DeployException.BUCKET,
                    "cannot upload "
                            + file.getFileName()
                            + " to s3://"
                            + name
                            + "/"
                            + key
                            + ": "
                            + SdkErrors.of(e),
                    e);
        }
    }

    /** Uploads {@code text} as {@code key}. */
    void upload(String text, String key) {
        try {
            s3.putObject(
                    r -> r.bucket(name).key(key).contentType("application/json"),
                    RequestBody.fromString(text));
        } catch (SdkException e) {
            throw new DeployException(
                    DeployException.BUCKET,
                    "cannot upload the template to s3://"
                            + name
                            + "/"
                            + key
                            + ": "
                            + SdkErrors.of(e),
                    e);
        }
    }

    /** The HTTPS URL CloudFormation reads {@code key} from. */
    String url(String key) {
        return "https://" + name + ".s3." + region.id() + ".amazonaws.com/" + key;
    }

    private static String message(S3Exception e) {
        return e.awsErrorDetails() != null && e.awsErrorDetails().errorMessage() != null
                ? e.awsErrorDetails().errorMessage()
                : e.getMessage();
    }
}
