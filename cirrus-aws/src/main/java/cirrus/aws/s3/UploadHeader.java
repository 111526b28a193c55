package cirrus.aws.s3;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.function.BiConsumer;

import software.amazon.awssdk.services.s3.model.PutObjectRequest;

/**
 * The {@code upload_options.headers} cirrus passes to boto3 as {@code ExtraArgs}, mapped onto the
 * SDK v2 {@code PutObject} request. Unknown names are an error (boto3 rejects them too) rather than
 * silently dropped.
 */
enum UploadHeader {
    ACL("ACL", (b, v) -> b.acl(v)),
    CACHE_CONTROL("CacheControl", (b, v) -> b.cacheControl(v)),
    CONTENT_DISPOSITION("ContentDisposition", (b, v) -> b.contentDisposition(v)),
    CONTENT_ENCODING("ContentEncoding", (b, v) -> b.contentEncoding(v)),
    CONTENT_LANGUAGE("ContentLanguage", (b, v) -> b.contentLanguage(v)),
    CONTENT_TYPE("ContentType", (b, v) -> b.contentType(v)),
    EXPIRES("Expires", (b, v) -> b.expires(instant(v))),
    STORAGE_CLASS("StorageClass", (b, v) -> b.storageClass(v)),
    SERVER_SIDE_ENCRYPTION("ServerSideEncryption", (b, v) -> b.serverSideEncryption(v)),
    SSE_KMS_KEY_ID("SSEKMSKeyId", (b, v) -> b.ssekmsKeyId(v)),
    TAGGING("Tagging", (b, v) -> b.tagging(v)),
    WEBSITE_REDIRECT_LOCATION("WebsiteRedirectLocation", (b, v) -> b.websiteRedirectLocation(v));

    private final String argName;
    private final BiConsumer<PutObjectRequest.Builder, String> setter;

    UploadHeader(String argName, BiConsumer<PutObjectRequest.Builder, String> setter) {
        this.argName = argName;
        this.setter = setter;
    }

    /**
     * Sets the header called {@code name} on {@code request}.
     *
     * @throws IllegalArgumentException for a name that is not a supported upload argument
     */
    static void apply(PutObjectRequest.Builder request, String name, String value) {
        for (UploadHeader header : values()) {
            if (header.argName.equals(name)) {
                header.setter.accept(request, value);
                return;
            }
        }
        throw new IllegalArgumentException(
                "unsupported upload_options.headers entry '"
                        + name
                        + "' (supported: ACL, CacheControl, ContentDisposition, ContentEncoding,"
                        + " ContentLanguage, ContentType, Expires, StorageClass,"
                        + " ServerSideEncryption, SSEKMSKeyId, Tagging, WebsiteRedirectLocation)");
    }

    private static Instant instant(String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            return ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        }
    }
}
