package cirrus.aws.s3;

import java.util.Objects;

import software.amazon.awssdk.services.s3.S3Client;

/**
 * How to reach one bucket: the S3 client to use (default or per-bucket credentials) and whether
 * requests must declare that the requester pays.
 *
 * @param client the client for the bucket
 * @param requesterPays send {@code x-amz-request-payer: requester}
 */
public record BucketAccess(S3Client client, boolean requesterPays) {
    public BucketAccess {
        Objects.requireNonNull(client, "client");
    }
}
