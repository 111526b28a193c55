package cirrus.aws.s3;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.Permission;

import cirrus.aws.config.AwsClients;
import cirrus.aws.moto.MotoAws;
import cirrus.aws.moto.MotoExtension;
import cirrus.aws.moto.MotoServer;
import cirrus.runtime.port.BlobStore;
import cirrus.runtime.port.BlobStoreContractTest;
import cirrus.runtime.port.BlobUrl;
import cirrus.runtime.port.PutOptions;

@ExtendWith(MotoExtension.class)
class S3BlobStoreTest extends BlobStoreContractTest {
    private static AwsClients clients;

    @Override
    protected BlobStore createStore() {
        if (clients == null) {
            clients = MotoAws.clients(MotoServer.shared());
        }
        clients.s3().createBucket(r -> r.bucket(bucket()));
        return new S3BlobStore(new BucketCredentials(clients));
    }

    @AfterAll
    static void closeClients() {
        if (clients != null) {
            clients.close();
            clients = null;
        }
    }

    @Test
    void uploadHeadersAndContentTypeAreSetOnTheObject() {
        BlobUrl url = new BlobUrl(bucket(), "item.json");
        store.put(
                url,
                "{}".getBytes(UTF_8),
                new PutOptions(
                        "application/json",
                        Map.of("CacheControl", "max-age=60", "ContentLanguage", "en"),
                        false));
        HeadObjectResponse head = clients.s3().headObject(r -> r.bucket(bucket()).key("item.json"));
        assertThat(head.contentType()).isEqualTo("application/json");
        assertThat(head.cacheControl()).isEqualTo("max-age=60");
        assertThat(head.contentLanguage()).isEqualTo("en");
    }

    @Test
    void publicObjectsGrantReadToEveryone() {
        BlobUrl url = new BlobUrl(bucket(), "public.json");
        store.put(url, "{}".getBytes(UTF_8), new PutOptions("application/json", Map.of(), true));
        assertThat(clients.s3().getObjectAcl(r -> r.bucket(bucket()).key("public.json")).grants())
                .anySatisfy(
                        g -> {
                            assertThat(g.grantee().uri()).endsWith("/global/AllUsers");
                            assertThat(g.permission()).isEqualTo(Permission.READ);
                        });
    }

    @Test
    void unknownUploadHeadersAreRejectedByName() {
        assertThatThrownBy(
                        () ->
                                store.put(
                                        new BlobUrl(bucket(), "x"),
                                        new byte[0],
                                        new PutOptions("text/plain", Map.of("Bogus", "1"), false)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'Bogus'");
    }

    @Test
    void aBucketWithACredentialsSecretUsesItsOwnClientAndRequesterPays() {
        clients.s3().createBucket(r -> r.bucket("requester-pays-bucket"));
        clients.secrets()
                .createSecret(
                        r ->
                                r.name("cirrus-creds-requester-pays-bucket")
                                        .secretString(
                                                "{\"aws_access_key_id\": \"other\","
                                                        + " \"aws_secret_access_key\": \"secret\","
                                                        + " \"region_name\": \"us-east-1\","
                                                        + " \"requester_pays\": true}"));
        BucketCredentials credentials = new BucketCredentials(clients);
        BucketAccess access = credentials.forBucket("requester-pays-bucket");
        assertThat(access.requesterPays()).isTrue();
        assertThat(access.client()).isNotSameAs(clients.s3());
        assertThat(credentials.forBucket(bucket()).client()).isSameAs(clients.s3());
        assertThat(credentials.forBucket(bucket()).requesterPays()).isFalse();

        S3BlobStore withSecrets = new S3BlobStore(credentials);
        BlobUrl url = BlobUrl.parse("s3://requester-pays-bucket/a/b.json");
        withSecrets.put(url, "ok".getBytes(UTF_8));
        assertThat(withSecrets.get(url)).isEqualTo("ok".getBytes(UTF_8));
        assertThat(withSecrets.list(BlobUrl.parse("s3://requester-pays-bucket/a/")))
                .containsExactly(url);
    }

    @Test
    void aSecretThatIsNotJsonIsReportedWithItsName() {
        clients.secrets().createSecret(r -> r.name("cirrus-creds-broken").secretString("nope"));
        assertThatThrownBy(() -> new BucketCredentials(clients).forBucket("broken"))
                .hasMessageContaining("cirrus-creds-broken")
                .hasMessageContaining("not JSON");
    }
}
