package cirrus.aws.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.SystemPropertyCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.profiles.ProfileFile;

/** Deploy messages carry a short line for an SDK failure, not the SDK's whole text. */
class SdkErrorsTest {
    @Test
    void missingCredentialsAreOneSentenceThatSaysHowToGiveThem() {
        assumeTrue(
                System.getenv("AWS_ACCESS_KEY_ID") == null
                        && System.getProperty("aws.accessKeyId") == null,
                "credentials are set in this environment: skipped");
        // the SDK's own failure for a chain without credentials (no network: no IMDS provider)
        AwsCredentialsProviderChain chain =
                AwsCredentialsProviderChain.of(
                        SystemPropertyCredentialsProvider.create(),
                        EnvironmentVariableCredentialsProvider.create(),
                        ProfileCredentialsProvider.builder()
                                .profileFile(ProfileFile.aggregator().build())
                                .build());
        SdkClientException e =
                catchThrowableOfType(SdkClientException.class, chain::resolveCredentials);
        assertThat(e.getMessage()).startsWith("Unable to load credentials").hasSizeGreaterThan(300);

        String text = SdkErrors.of(e);
        assertThat(text)
                .isEqualTo(
                        "no AWS credentials found (set AWS_PROFILE, or AWS_ACCESS_KEY_ID and"
                                + " AWS_SECRET_ACCESS_KEY, or run 'aws configure')")
                .doesNotContain("\n");
    }

    @Test
    void otherMessagesKeepTheirFirstLineCutToThreeHundredCharacters() {
        SdkException e = SdkClientException.create("x".repeat(400) + "\nsecond line of detail");
        assertThat(SdkErrors.of(e)).isEqualTo("x".repeat(300) + "...");
        assertThat(SdkErrors.of(SdkClientException.create("Connection refused")))
                .isEqualTo("Connection refused");
    }
}
