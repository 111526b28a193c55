package cirrus.aws.s3;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;

import cirrus.aws.config.AwsClients;
import cirrus.runtime.json.InvalidJsonException;
import cirrus.runtime.json.Json;
import cirrus.runtime.port.StoreException;

/**
 * Per-bucket S3 access as cirrus does it: the Secrets Manager secret {@code cirrus-creds-<bucket>}
 * holds boto3 session arguments ({@code aws_access_key_id}, {@code aws_secret_access_key}, optional
 * {@code aws_session_token}, {@code region_name}) and an optional {@code requester_pays} flag. A
 * bucket without a secret uses the default credentials. Looked up once per bucket and process.
 */
public final class BucketCredentials {
    /** The prefix of the secret names. */
    public static final String SECRET_PREFIX = "cirrus-creds-";

    private final AwsClients clients;
    private final Map<String, BucketAccess> byBucket = new ConcurrentHashMap<>();

    public BucketCredentials(AwsClients clients) {
        this.clients = clients;
    }

    /** The access to use for {@code bucket}. */
    public BucketAccess forBucket(String bucket) {
        return byBucket.computeIfAbsent(bucket, this::lookUp);
    }

    private BucketAccess lookUp(String bucket) {
        String secret;
        try {
            secret =
                    clients.secrets()
                            .getSecretValue(r -> r.secretId(SECRET_PREFIX + bucket))
                            .secretString();
        } catch (ResourceNotFoundException e) {
            return new BucketAccess(clients.s3(), false);
        }
        return fromSecret(bucket, secret);
    }

    private BucketAccess fromSecret(String bucket, String secret) {
        JsonNode json;
        try {
            json = Json.parse(secret == null ? "" : secret);
        } catch (InvalidJsonException e) {
            throw new StoreException(
                    "secret " + SECRET_PREFIX + bucket + " is not JSON: " + e.getMessage(), e);
        }
        boolean requesterPays = json.path("requester_pays").asBoolean(false);
        String key = json.path("aws_access_key_id").asText(null);
        String secretKey = json.path("aws_secret_access_key").asText(null);
        String token = json.path("aws_session_token").asText(null);
        String region = json.path("region_name").asText(null);
        AwsCredentialsProvider credentials =
                key == null || secretKey == null
                        ? clients.settings().credentials()
                        : StaticCredentialsProvider.create(
                                token == null
                                        ? AwsBasicCredentials.create(key, secretKey)
                                        : AwsSessionCredentials.create(key, secretKey, token));
        Region r = region == null ? clients.settings().region() : Region.of(region);
        if (key == null && region == null) {
            return new BucketAccess(clients.s3(), requesterPays);
        }
        return new BucketAccess(clients.s3(credentials, r), requesterPays);
    }
}
