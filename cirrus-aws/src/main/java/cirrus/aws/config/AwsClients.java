package cirrus.aws.config;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.batch.BatchClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The SDK clients of one process, created on first use and reused (a warm Lambda keeps them). All
 * share one {@code url-connection-client} (the only HTTP client on the classpath: small, starts
 * fast), the {@link AwsSettings} and the {@link Retries}.
 */
public final class AwsClients implements AutoCloseable {
    private final AwsSettings settings;
    private final Retries retries;
    private final SdkHttpClient http;
    private final Map<Class<?>, SdkClient> clients = new ConcurrentHashMap<>();

    public AwsClients(AwsSettings settings, Retries retries) {
        this.settings = settings;
        this.retries = retries;
        this.http =
                UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(5))
                        .socketTimeout(Duration.ofSeconds(60))
                        .build();
    }

    public AwsClients(AwsSettings settings) {
        this(settings, Retries.DEFAULT);
    }

    public AwsSettings settings() {
        return settings;
    }

    public S3Client s3() {
        return get(S3Client.class, () -> s3(settings.credentials(), settings.region()));
    }

    /**
     * A new S3 client with other credentials or region (per-bucket credentials); the caller owns
     * it.
     */
    public S3Client s3(AwsCredentialsProvider credentials, Region region) {
        return configure(
                        S3Client.builder(),
                        settings.withCredentials(credentials).withRegion(region))
                .forcePathStyle(settings.endpoint().isPresent())
                .build();
    }

    public DynamoDbClient dynamoDb() {
        return get(DynamoDbClient.class, () -> configure(DynamoDbClient.builder()).build());
    }

    public SqsClient sqs() {
        return get(SqsClient.class, () -> configure(SqsClient.builder()).build());
    }

    public SnsClient sns() {
        return get(SnsClient.class, () -> configure(SnsClient.builder()).build());
    }

    public SfnClient sfn() {
        return get(SfnClient.class, () -> configure(SfnClient.builder()).build());
    }

    public BatchClient batch() {
        return get(BatchClient.class, () -> configure(BatchClient.builder()).build());
    }

    public CloudWatchLogsClient logs() {
        return get(
                CloudWatchLogsClient.class,
                () -> configure(CloudWatchLogsClient.builder()).build());
    }

    public SecretsManagerClient secrets() {
        return get(
                SecretsManagerClient.class,
                () -> configure(SecretsManagerClient.builder()).build());
    }

    private <C extends SdkClient> C get(Class<C> type, Supplier<C> create) {
        return type.cast(clients.computeIfAbsent(type, t -> create.get()));
    }

    private <B extends AwsClientBuilder<B, ?> & SdkSyncClientBuilder<B, ?>> B configure(B builder) {
        return configure(builder, settings);
    }

    private <B extends AwsClientBuilder<B, ?> & SdkSyncClientBuilder<B, ?>> B configure(
            B builder, AwsSettings with) {
        builder.region(with.region())
                .credentialsProvider(with.credentials())
                .httpClient(http)
                .overrideConfiguration(o -> o.retryStrategy(retries.strategy()));
        with.endpoint().ifPresent(builder::endpointOverride);
        return builder;
    }

    @Override
    public void close() {
        clients.values().forEach(SdkClient::close);
        clients.clear();
        http.close();
    }
}
