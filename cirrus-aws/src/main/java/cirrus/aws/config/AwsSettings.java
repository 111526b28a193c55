package cirrus.aws.config;

import java.net.URI;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * Where and as whom the AWS clients talk: the region, an optional endpoint override (moto, a VPC
 * endpoint, LocalStack) and the credentials. Built from the environment of a Lambda function or a
 * Batch job, or given explicitly by tests.
 *
 * @param region the AWS region
 * @param endpoint one endpoint for every service, when set ({@code AWS_ENDPOINT_URL})
 * @param credentials the credentials provider
 */
public record AwsSettings(
        Region region, Optional<URI> endpoint, AwsCredentialsProvider credentials) {
    /** The region used when neither {@code AWS_REGION} nor {@code AWS_DEFAULT_REGION} is set. */
    public static final String DEFAULT_REGION = "us-east-1";

    public AwsSettings {
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(credentials, "credentials");
    }

    /**
     * Settings from environment variables: {@code AWS_REGION} (else {@code AWS_DEFAULT_REGION},
     * else {@value #DEFAULT_REGION}), {@code AWS_ENDPOINT_URL}, and static credentials from {@code
     * AWS_ACCESS_KEY_ID}/{@code AWS_SECRET_ACCESS_KEY}/{@code AWS_SESSION_TOKEN} when given in
     * {@code env}, else the SDK's default chain (which on Lambda reads the same variables).
     */
    public static AwsSettings fromEnvironment(Map<String, String> env) {
        String region = firstNonBlank(env.get("AWS_REGION"), env.get("AWS_DEFAULT_REGION"));
        Optional<URI> endpoint =
                Optional.ofNullable(env.get("AWS_ENDPOINT_URL"))
                        .filter(s -> !s.isBlank())
                        .map(URI::create);
        String key = env.get("AWS_ACCESS_KEY_ID");
        String secret = env.get("AWS_SECRET_ACCESS_KEY");
        String token = env.get("AWS_SESSION_TOKEN");
        AwsCredentialsProvider credentials;
        if (key != null && !key.isBlank() && secret != null) {
            credentials =
                    StaticCredentialsProvider.create(
                            token == null || token.isBlank()
                                    ? AwsBasicCredentials.create(key, secret)
                                    : AwsSessionCredentials.create(key, secret, token));
        } else {
            credentials = DefaultCredentialsProvider.builder().build();
        }
        return new AwsSettings(
                Region.of(region == null ? DEFAULT_REGION : region), endpoint, credentials);
    }

    /** Settings for a local endpoint (tests): static credentials {@code test}/{@code test}. */
    public static AwsSettings forEndpoint(URI endpoint, String region) {
        return new AwsSettings(
                Region.of(region),
                Optional.of(endpoint),
                StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")));
    }

    /** The same settings with other credentials (per-bucket S3 credentials). */
    public AwsSettings withCredentials(AwsCredentialsProvider other) {
        return new AwsSettings(region, endpoint, other);
    }

    /** The same settings in another region. */
    public AwsSettings withRegion(Region other) {
        return new AwsSettings(other, endpoint, credentials);
    }

    private static String firstNonBlank(String a, String b) {
        if (a != null && !a.isBlank()) {
            return a;
        }
        return b != null && !b.isBlank() ? b : null;
    }
}
