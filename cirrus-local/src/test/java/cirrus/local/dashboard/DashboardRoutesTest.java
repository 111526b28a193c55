package cirrus.local.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cirrus.local.api.LocalApiServer;
import cirrus.local.engine.EngineOptions;
import cirrus.local.engine.LocalEngine;
import cirrus.local.engine.TestProjects;
import cirrus.local.http.RawHttpAccess;
import cirrus.local.http.ServerSettings;
import cirrus.local.http.ServerToken;

/** The dashboard's routes over HTTP, without a browser: assets, data, errors, the rerun POST. */
class DashboardRoutesTest {
    @TempDir static Path project;
    static LocalEngine engine;
    static Dashboard dashboard;
    static LocalApiServer server;
    static String host;

    @BeforeAll
    static void serve() throws Exception {
        engine =
                LocalEngine.start(TestProjects.initOnly(project).model(), EngineOptions.defaults());
        ServerToken token = ServerToken.random();
        dashboard = LocalDashboard.of(engine, token);
        server =
                LocalApiServer.start(
                        engine, ServerSettings.loopback(0), token, List.of(dashboard.mount()));
        host = "127.0.0.1:" + server.url().getPort();
    }

    @AfterAll
    static void stop() {
        server.close();
        dashboard.close();
        engine.close();
    }

    private static RawHttpAccess.Reply get(String target, String... headers) throws Exception {
        return RawHttpAccess.exchange(
                server.url(),
                "GET "
                        + target
                        + " HTTP/1.1\r\nHost: "
                        + host
                        + "\r\n"
                        + String.join("", headers)
                        + "Connection: close\r\n\r\n");
    }

    private static RawHttpAccess.Reply post(String target, String token, String body)
            throws Exception {
        return RawHttpAccess.exchange(
                server.url(),
                "POST "
                        + target
                        + " HTTP/1.1\r\nHost: "
                        + host
                        + "\r\n"
                        + (token == null ? "" : ServerToken.HEADER + ": " + token + "\r\n")
                        + "Content-Type: application/json\r\nContent-Length: "
                        + body.length()
                        + "\r\nConnection: close\r\n\r\n"
                        + body);
    }

    @Test
    void thePageCarriesTheTokenAndAStrictContentSecurityPolicy() throws Exception {
        RawHttpAccess.Reply page = get("/ui/");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body())
                .contains(
                        "<meta name=\"cirrus-token\" content=\"" + server.token().value() + "\">");
        assertThat(page.headers())
                .contains("Content-Security-Policy: default-src 'self'; script-src 'self';")
                .contains("X-Frame-Options: DENY");
        RawHttpAccess.Reply root = get("/", "Accept: text/html\r\n");
        assertThat(root.status()).isEqualTo(303);
        assertThat(root.headers()).contains("Location: /ui/");
        assertThat(get("/", "Accept: application/json\r\n").json().path("status").asText())
                .isEqualTo("ok");
    }

    @Test
    void onlyListedAssetsAreServedAndNoPathLeavesThem() throws Exception {
        RawHttpAccess.Reply app = get("/ui/assets/app.js");
        assertThat(app.status()).isEqualTo(200);
        assertThat(app.headers()).contains("Content-Type: text/javascript");
        assertThat(get("/ui/assets/cytoscape.min.js").status()).isEqualTo(200);
        assertThat(get("/ui/assets/dagre.min.js").status()).isEqualTo(200);
        assertThat(get("/ui/assets/chart.umd.min.js").status()).isEqualTo(200);
        for (String target :
                new String[] {
                    "/ui/assets/../../../../etc/passwd",
                    "/ui/assets/..%2f..%2fpom.xml",
                    "/ui/assets/%2e%2e/%2e%2e/cirrus/dashboard/index.html",
                    "/ui/assets/index.html",
                    "/ui/assets/META-INF/MANIFEST.MF",
                    "/ui/assets/cirrus/local/dashboard/Dashboard.class",
                    "/ui/assets/app.js%00.png",
                    "/ui/../../etc/passwd"
                }) {
            RawHttpAccess.Reply r = get(target);
            assertThat(r.status()).as(target).isIn(400, 404);
            assertThat(r.isJson()).as(target).isTrue();
            assertThat(r.body()).as(target).doesNotContain("root:").doesNotContain("<project");
        }
    }

    @Test
    void dataErrorsAreJsonWithStableCodes() throws Exception {
        RawHttpAccess.Reply missing = get("/ui/data/payload?id=a%2Fworkflow-b%2Fc");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.code()).isEqualTo("CIRRUS-O001");
        assertThat(get("/ui/data/payload?id=not-an-id").status()).isEqualTo(400);
        assertThat(get("/ui/data/payload").code()).isEqualTo("BadQuery");
        assertThat(get("/ui/data/payloads?since=9999999999999d").status()).isEqualTo(400);
        assertThat(get("/ui/data/payloads?state=SLEEPING").status()).isEqualTo(400);
        assertThat(get("/ui/data/payloads?size=-1").status()).isEqualTo(400);
        assertThat(get("/ui/data/execution?arn=arn:aws:states:x").status()).isEqualTo(404);
        assertThat(get("/ui/data/nothing").status()).isEqualTo(404);
        assertThat(get("/ui/data/blob?url=s3://nowhere/x.json").status()).isEqualTo(404);
        for (String url :
                new String[] {
                    "s3://cirrus-dev-data/../../../../../../etc/passwd",
                    "s3://cirrus-dev-data/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
                    "s3://../etc/passwd",
                    "file:///etc/passwd"
                }) {
            RawHttpAccess.Reply r =
                    get("/ui/data/blob?url=" + java.net.URLEncoder.encode(url, "UTF-8"));
            assertThat(r.status()).as(url).isIn(400, 404);
            assertThat(r.body()).as(url).doesNotContain("root:");
        }
        RawHttpAccess.Reply overview = get("/ui/data/overview?window=24h");
        assertThat(overview.status()).isEqualTo(200);
        assertThat(overview.json().path("workflows").isArray()).isTrue();
        RawHttpAccess.Reply batch = get("/ui/data/batch");
        assertThat(batch.status()).isEqualTo(200);
        assertThat(batch.json().path("vcpuHistory").path("times").size()).isPositive();
    }

    @Test
    void aRerunNeedsPostAndTheTokenAndAKnownPayload() throws Exception {
        String body = "{\"id\": \"test-collection/workflow-publish-only/none\"}";
        assertThat(get("/ui/data/rerun").status()).isEqualTo(405);
        assertThat(post("/ui/data/rerun", null, body).code()).isEqualTo("MissingToken");
        assertThat(post("/ui/data/rerun", "forged", body).code()).isEqualTo("MissingToken");
        RawHttpAccess.Reply unknown = post("/ui/data/rerun", server.token().value(), body);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.code()).isEqualTo("CIRRUS-O001");
        assertThat(post("/ui/data/rerun", server.token().value(), "{}").status()).isEqualTo(400);
        assertThat(engine.queuedPayloads()).isZero();
    }
}
