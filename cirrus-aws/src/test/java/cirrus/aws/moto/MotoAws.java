package cirrus.aws.moto;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URLEncoder;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import cirrus.aws.config.AwsClients;
import cirrus.aws.config.AwsSettings;

/** Fixtures on moto: clients for the server and helpers that create the resources tests need. */
public final class MotoAws {
    public static final String REGION = "us-east-1";
    public static final String ACCOUNT = "123456789012";
    public static final String ROLE = "arn:aws:iam::" + ACCOUNT + ":role/cirrus-test";

    private MotoAws() {}

    /** Clients talking to {@code moto} (credentials test/test, region us-east-1). */
    public static AwsClients clients(MotoServer moto) {
        return new AwsClients(AwsSettings.forEndpoint(moto.endpoint(), REGION));
    }

    /** The environment a Lambda function would see, pointing the SDK at moto. */
    public static Map<String, String> awsEnvironment(MotoServer moto) {
        return Map.of(
                "AWS_REGION",
                REGION,
                "AWS_ACCESS_KEY_ID",
                "test",
                "AWS_SECRET_ACCESS_KEY",
                "test",
                "AWS_ENDPOINT_URL",
                moto.endpoint().toString());
    }

    /**
     * Creates an IAM role on moto and returns its ARN (a raw query-API call: the production code
     * needs no IAM client, and moto does not check signatures).
     */
    public static String createRole(MotoServer moto, String name) {
        String body =
                "Action=CreateRole&Version=2010-05-08&RoleName="
                        + URLEncoder.encode(name, UTF_8)
                        + "&AssumeRolePolicyDocument="
                        + URLEncoder.encode(
                                "{\"Version\": \"2012-10-17\", \"Statement\": []}", UTF_8);
        try {
            HttpURLConnection c =
                    (HttpURLConnection) moto.endpoint().resolve("/").toURL().openConnection();
            c.setRequestMethod("POST");
            c.setDoOutput(true);
            c.setRequestProperty("Content-Type", "application/x-www-form-urlencoded");
            c.setRequestProperty(
                    "Authorization",
                    "AWS4-HMAC-SHA256 Credential=test/20240101/us-east-1/iam/aws4_request,"
                            + " SignedHeaders=host, Signature=0");
            c.getOutputStream().write(body.getBytes(UTF_8));
            String response = new String(c.getInputStream().readAllBytes(), UTF_8);
            Matcher arn = Pattern.compile("<Arn>([^<]+)</Arn>").matcher(response);
            if (!arn.find()) {
                throw new IllegalStateException("no role ARN in " + response);
            }
            return arn.group(1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Creates a queue and returns its URL. */
    public static String createQueue(SqsClient sqs, String name) {
        return sqs.createQueue(r -> r.queueName(name)).queueUrl();
    }

    /** The ARN of the queue at {@code url}. */
    public static String queueArn(SqsClient sqs, String url) {
        return sqs.getQueueAttributes(
                        r -> r.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes()
                .get(QueueAttributeName.QUEUE_ARN);
    }

    /**
     * Subscribes a new queue {@code queueName} to the topic (SNS envelope, not raw) and returns its
     * URL.
     */
    public static String subscribeQueue(
            SnsClient sns, SqsClient sqs, String topicArn, String queueName) {
        String url = createQueue(sqs, queueName);
        sns.subscribe(r -> r.topicArn(topicArn).protocol("sqs").endpoint(queueArn(sqs, url)));
        return url;
    }
}
