package cirrus.aws.deploy;

import java.time.Duration;

import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sts.StsClient;

import cirrus.aws.config.AwsClients;
import cirrus.aws.config.AwsSettings;

/**
 * The clients of one deployment: S3 from {@link AwsClients}, CloudFormation and STS (which only
 * deploying needs, so they stay out of {@link AwsClients} and the Lambda jar).
 */
final class DeployClients implements AutoCloseable {
    private final AwsSettings settings;
    private final AwsClients aws;
    private final SdkHttpClient http;
    private CloudFormationClient cloudFormation;
    private StsClient sts;

    DeployClients(AwsSettings settings) {
        this.settings = settings;
        this.aws = new AwsClients(settings);
        this.http =
                UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(5))
                        .socketTimeout(Duration.ofSeconds(120))
                        .build();
    }

    AwsSettings settings() {
        return settings;
    }

    S3Client s3() {
        return aws.s3();
    }

    CloudFormationClient cloudFormation() {
        if (cloudFormation == null) {
            var b =
                    CloudFormationClient.builder()
                            .region(settings.region())
                            .credentialsProvider(settings.credentials())
                            .httpClient(http);
            settings.endpoint().ifPresent(b::endpointOverride);
            cloudFormation = b.build();
        }
        return cloudFormation;
    }

    StsClient sts() {
        if (sts == null) {
            var b =
                    StsClient.builder()
                            .region(settings.region())
                            .credentialsProvider(settings.credentials())
                            .httpClient(http);
            settings.endpoint().ifPresent(b::endpointOverride);
            sts = b.build();
        }
        return sts;
    }

    @Override
    public void close() {
        if (cloudFormation != null) {
            cloudFormation.close();
        }
        if (sts != null) {
            sts.close();
        }
        aws.close();
        http.close();
    }
}
