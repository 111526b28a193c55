package cirrus.aws.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Map;

import org.junit.jupiter.api.Test;

import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

class AwsSettingsTest {
    @Test
    void regionEndpointAndCredentialsComeFromTheLambdaEnvironment() {
        AwsSettings settings =
                AwsSettings.fromEnvironment(
                        Map.of(
                                "AWS_REGION", "eu-west-1",
                                "AWS_DEFAULT_REGION", "us-west-2",
                                "AWS_ENDPOINT_URL", "http://127.0.0.1:5000",
                                "AWS_ACCESS_KEY_ID", "AKIA",
                                "AWS_SECRET_ACCESS_KEY", "secret",
                                "AWS_SESSION_TOKEN", "token"));
        assertThat(settings.region().id()).isEqualTo("eu-west-1");
        assertThat(settings.endpoint()).contains(URI.create("http://127.0.0.1:5000"));
        assertThat(settings.credentials()).isInstanceOf(StaticCredentialsProvider.class);
        assertThat(settings.credentials().resolveCredentials())
                .isInstanceOfSatisfying(
                        AwsSessionCredentials.class,
                        c -> assertThat(c.sessionToken()).isEqualTo("token"));
    }

    @Test
    void defaultsAreUsEast1NoEndpointAndTheDefaultChain() {
        AwsSettings settings = AwsSettings.fromEnvironment(Map.of("AWS_DEFAULT_REGION", ""));
        assertThat(settings.region().id()).isEqualTo("us-east-1");
        assertThat(settings.endpoint()).isEmpty();
        assertThat(settings.credentials()).isInstanceOf(DefaultCredentialsProvider.class);
        assertThat(
                        AwsSettings.fromEnvironment(Map.of("AWS_DEFAULT_REGION", "ap-south-1"))
                                .region()
                                .id())
                .isEqualTo("ap-south-1");
    }
}
