package cirrus.aws.s3;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectCannedACL;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.RequestPayer;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

import cirrus.runtime.port.BlobStore;
import cirrus.runtime.port.BlobUrl;
import cirrus.runtime.port.PutOptions;
import cirrus.runtime.port.StoreException;

/**
 * The {@link BlobStore} on Amazon S3. Each bucket is reached with its own credentials when a {@code
 * cirrus-creds-<bucket>} secret exists ({@link BucketCredentials}). Upload headers use the boto3
 * {@code ExtraArgs} names of {@code upload_options.headers}.
 */
public final class S3BlobStore implements BlobStore {
    private final BucketCredentials buckets;

    public S3BlobStore(BucketCredentials buckets) {
        this.buckets = buckets;
    }

    @Override
    public Optional<byte[]> find(BlobUrl url) {
        BucketAccess access = buckets.forBucket(url.bucket());
        try {
            ResponseBytes<GetObjectResponse> bytes =
                    access.client()
                            .getObjectAsBytes(
                                    r ->
                                            r.bucket(url.bucket())
                                                    .key(url.key())
                                                    .requestPayer(payer(access)));
            return Optional.of(bytes.asByteArray());
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (SdkException e) {
            throw failure("read", url, e);
        }
    }

    @Override
    public void put(BlobUrl url, byte[] content, PutOptions options) {
        BucketAccess access = buckets.forBucket(url.bucket());
        PutObjectRequest.Builder request =
                PutObjectRequest.builder()
                        .bucket(url.bucket())
                        .key(url.key())
                        .contentType(options.contentType())
                        .requestPayer(payer(access));
        if (options.publicRead()) {
            request.acl(ObjectCannedACL.PUBLIC_READ);
        }
        for (Map.Entry<String, String> header : options.headers().entrySet()) {
            UploadHeader.apply(request, header.getKey(), header.getValue());
        }
        try {
            access.client().putObject(request.build(), RequestBody.fromBytes(content));
        } catch (SdkException e) {
            throw failure("write", url, e);
        }
    }

    @Override
    public boolean exists(BlobUrl url) {
        BucketAccess access = buckets.forBucket(url.bucket());
        try {
            access.client()
                    .headObject(
                            r -> r.bucket(url.bucket()).key(url.key()).requestPayer(payer(access)));
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw failure("check", url, e);
        } catch (SdkException e) {
            throw failure("check", url, e);
        }
    }

    @Override
    public List<BlobUrl> list(BlobUrl prefix) {
        BucketAccess access = buckets.forBucket(prefix.bucket());
        List<BlobUrl> urls = new ArrayList<>();
        try {
            for (ListObjectsV2Response page :
                    access.client()
                            .listObjectsV2Paginator(
                                    r ->
                                            r.bucket(prefix.bucket())
                                                    .prefix(prefix.key())
                                                    .requestPayer(payer(access)))) {
                for (S3Object object : page.contents()) {
                    urls.add(new BlobUrl(prefix.bucket(), object.key()));
                }
            }
        } catch (SdkException e) {
            throw failure("list", prefix, e);
        }
        return urls;
    }

    @Override
    public void delete(BlobUrl url) {
        BucketAccess access = buckets.forBucket(url.bucket());
        try {
            access.client()
                    .deleteObject(
                            r -> r.bucket(url.bucket()).key(url.key()).requestPayer(payer(access)));
        } catch (NoSuchKeyException e) {
            // already gone
        } catch (SdkException e) {
            throw failure("delete", url, e);
        }
    }

    private static RequestPayer payer(BucketAccess access) {
        return access.requesterPays() ? RequestPayer.REQUESTER : null;
    }

    private static StoreException failure(String what, BlobUrl url, SdkException e) {
        return new StoreException("cannot " + what + " " + url + ": " + e.getMessage(), e);
    }
}
