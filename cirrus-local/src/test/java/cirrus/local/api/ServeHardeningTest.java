package cirrus.local.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cirrus.local.engine.EngineOptions;
import cirrus.local.engine.LocalEngine;
import cirrus.local.engine.TestProjects;
import cirrus.local.http.RawHttpAccess;
import cirrus.local.http.ServerToken;
import cirrus.runtime.json.Json;

/**
 * {@code cirrus serve}'s server holds up on a developer's machine: slow clients do not starve it,
 * other origins and rebound host names cannot use it, bodies are bounded, and every bad request
 * gets a JSON error, never a 500 or an HTML page.
 */
class ServeHardeningTest {
    @TempDir static Path project;
    static LocalEngine engine;
    static LocalApiServer server;
    static URI base;
    static String hostHeader;

    @BeforeAll
    static void serve() throws Exception {
        engine =
                LocalEngine.start(TestProjects.initOnly(project).model(), EngineOptions.defaults());
        server = LocalApiServer.start(engine, 0);
        base = server.url();
        hostHeader = "127.0.0.1:" + base.getPort();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        if (engine != null) {
            engine.close();
        }
    }

    private static RawHttpAccess.Reply raw(String request) throws IOException {
        return RawHttpAccess.exchange(base, request);
    }

    private static String get(String target) {
        return "GET "
                + target
                + " HTTP/1.1\r\nHost: "
                + hostHeader
                + "\r\nConnection: close\r\n\r\n";
    }

    private static String post(String target, String headers, String body) {
        return "POST "
                + target
                + " HTTP/1.1\r\nHost: "
                + hostHeader
                + "\r\nConnection: close\r\nContent-Type: application/json\r\n"
                + headers
                + "Content-Length: "
                + body.getBytes(StandardCharsets.UTF_8).length
                + "\r\n\r\n"
                + body;
    }

    @Test
    void eightSlowClientsDoNotStopAWellBehavedRequest() throws Exception {
        List<Socket> slow = new ArrayList<>();
        AtomicBoolean done = new AtomicBoolean();
        Thread trickler = null;
        try {
            // six clients trickle their headers, two announce a body and send almost none of it
            for (int i = 0; i < 6; i++) {
                Socket s = RawHttpAccess.connect(base);
                s.getOutputStream()
                        .write(
                                ("GET /health HTTP/1.1\r\nHost: " + hostHeader + "\r\nX-Slow: ")
                                        .getBytes(StandardCharsets.ISO_8859_1));
                slow.add(s);
            }
            for (int i = 0; i < 2; i++) {
                Socket s = RawHttpAccess.connect(base);
                s.getOutputStream()
                        .write(
                                ("POST /payloads HTTP/1.1\r\nHost: "
                                                + hostHeader
                                                + "\r\n"
                                                + ServerToken.HEADER
                                                + ": "
                                                + server.token().value()
                                                + "\r\nContent-Length: 100000\r\n\r\n{")
                                        .getBytes(StandardCharsets.ISO_8859_1));
                slow.add(s);
            }
            trickler =
                    new Thread(
                            () -> {
                                for (int n = 0; n < 50 && !done.get(); n++) {
                                    for (Socket s : slow) {
                                        try {
                                            OutputStream out = s.getOutputStream();
                                            out.write(' ');
                                            out.flush();
                                        } catch (IOException e) {
                                            // closed by the server: fine
                                        }
                                    }
                                    try {
                                        Thread.sleep(100);
                                    } catch (InterruptedException e) {
                                        return;
                                    }
                                }
                            });
            trickler.setDaemon(true);
            trickler.start();
            Thread.sleep(300);

            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> r =
                    http.send(
                            HttpRequest.newBuilder(base.resolve("/health"))
                                    .timeout(Duration.ofSeconds(1))
                                    .GET()
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(Json.parse(r.body()).path("status").asText()).isEqualTo("ok");
        } finally {
            done.set(true);
            if (trickler != null) {
                trickler.join(2_000);
            }
            for (Socket s : slow) {
                s.close();
            }
        }
    }

    @Test
    void aCrossOriginPostIsRefusedAndSubmitsNothing() throws Exception {
        String payload = Json.write(TestProjects.payload("publish-only", "cross-origin"));
        RawHttpAccess.Reply fromAnotherSite =
                raw(
                        post(
                                "/payloads",
                                "Origin: http://attacker.example\r\n"
                                        + ServerToken.HEADER
                                        + ": "
                                        + server.token().value()
                                        + "\r\n",
                                payload));
        assertThat(fromAnotherSite.status()).isEqualTo(403);
        assertThat(fromAnotherSite.code()).isEqualTo("CrossOrigin");

        RawHttpAccess.Reply simpleFormPost =
                raw(post("/payloads", "Origin: http://127.0.0.1:1\r\n", payload));
        assertThat(simpleFormPost.status()).isEqualTo(403);

        RawHttpAccess.Reply withoutToken = raw(post("/payloads", "", payload));
        assertThat(withoutToken.status()).isEqualTo(403);
        assertThat(withoutToken.code()).isEqualTo("MissingToken");

        RawHttpAccess.Reply rebound =
                RawHttpAccess.exchange(
                        base,
                        "GET /health HTTP/1.1\r\nHost: attacker.example:"
                                + base.getPort()
                                + "\r\nConnection: close\r\n\r\n");
        assertThat(rebound.status()).isEqualTo(403);
        assertThat(rebound.code()).isEqualTo("ForbiddenHost");

        assertThat(engine.queuedPayloads()).isZero();
        assertThat(
                        engine.states()
                                .get(
                                        cirrus.runtime.payload.PayloadId.parse(
                                                "test-collection/workflow-publish-only/cross-origin")))
                .isEmpty();
    }

    @Test
    void aHundredMebibytePostIsRefusedWith413() throws Exception {
        long size = 100L << 20;
        try (Socket s = RawHttpAccess.connect(base)) {
            OutputStream out = s.getOutputStream();
            out.write(
                    ("POST /payloads HTTP/1.1\r\nHost: "
                                    + hostHeader
                                    + "\r\nContent-Type: application/json\r\n"
                                    + ServerToken.HEADER
                                    + ": "
                                    + server.token().value()
                                    + "\r\nContent-Length: "
                                    + size
                                    + "\r\n\r\n")
                            .getBytes(StandardCharsets.ISO_8859_1));
            Thread writer =
                    new Thread(
                            () -> {
                                byte[] chunk = new byte[1 << 20];
                                java.util.Arrays.fill(chunk, (byte) ' ');
                                try {
                                    for (long sent = 0; sent < size; sent += chunk.length) {
                                        out.write(chunk);
                                    }
                                } catch (IOException e) {
                                    // the server stops reading after its answer: expected
                                }
                            });
            writer.setDaemon(true);
            writer.start();
            RawHttpAccess.Reply reply = RawHttpAccess.read(s.getInputStream());
            assertThat(reply.status()).isEqualTo(413);
            assertThat(reply.isJson()).isTrue();
            assertThat(reply.code()).isEqualTo("PayloadTooLarge");
            s.close();
            writer.join(5_000);
        }
    }

    @Test
    void aChunkedBodyOverTheLimitIsRefusedWith413() throws Exception {
        try (Socket s = RawHttpAccess.connect(base)) {
            OutputStream out = s.getOutputStream();
            out.write(
                    ("POST /payloads HTTP/1.1\r\nHost: "
                                    + hostHeader
                                    + "\r\n"
                                    + ServerToken.HEADER
                                    + ": "
                                    + server.token().value()
                                    + "\r\nTransfer-Encoding: chunked\r\n\r\n")
                            .getBytes(StandardCharsets.ISO_8859_1));
            Thread writer =
                    new Thread(
                            () -> {
                                byte[] chunk = new byte[1 << 20];
                                java.util.Arrays.fill(chunk, (byte) ' ');
                                try {
                                    for (int i = 0; i < 17; i++) {
                                        out.write(
                                                "100000\r\n".getBytes(StandardCharsets.ISO_8859_1));
                                        out.write(chunk);
                                        out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
                                    }
                                    out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                                } catch (IOException e) {
                                    // refused midway: expected
                                }
                            });
            writer.setDaemon(true);
            writer.start();
            RawHttpAccess.Reply reply = RawHttpAccess.read(s.getInputStream());
            assertThat(reply.status()).isEqualTo(413);
            assertThat(reply.code()).isEqualTo("PayloadTooLarge");
            s.close();
            writer.join(5_000);
        }
    }

    @Test
    void badQueriesAndEscapesAreJson400s() throws Exception {
        RawHttpAccess.Reply since =
                raw(
                        get(
                                "/payloads?collections=test-collection&workflow=publish-only&since=9999999999999d"));
        assertThat(since.status()).isEqualTo(400);
        assertThat(since.json().path("error").path("message").asText()).contains("since");

        RawHttpAccess.Reply v0since =
                raw(get("/api/test-collection/workflow-publish-only?since=9999999999999d"));
        assertThat(v0since.status()).isEqualTo(400);

        for (String target :
                new String[] {
                    "/payloads/%zz",
                    "/payloads/abc%",
                    "/payloads?collections=%E0%A4%A&workflow=x",
                    "/executions/%C0%AF",
                    "/api/abc%2"
                }) {
            RawHttpAccess.Reply r = raw(get(target));
            assertThat(r.status()).as(target).isEqualTo(400);
            assertThat(r.isJson()).as(target + " " + r.headers()).isTrue();
            assertThat(r.json().path("error").path("code").asText()).as(target).isNotEmpty();
        }
    }

    @Test
    void unknownPathsAndMethodsAreJson404And405() throws Exception {
        RawHttpAccess.Reply missing = raw(get("/nowhere"));
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.isJson()).isTrue();
        RawHttpAccess.Reply put =
                raw(
                        "PUT /health HTTP/1.1\r\nHost: "
                                + hostHeader
                                + "\r\nConnection: close\r\nContent-Length: 0\r\n\r\n");
        assertThat(put.status()).isEqualTo(405);
        assertThat(put.isJson()).isTrue();
        RawHttpAccess.Reply garbage = raw("BLAH\r\n\r\n");
        assertThat(garbage.status()).isEqualTo(400);
        assertThat(garbage.isJson()).isTrue();
        RawHttpAccess.Reply hugeHeader =
                raw(
                        "GET /health HTTP/1.1\r\nHost: "
                                + hostHeader
                                + "\r\nX-Big: "
                                + "a".repeat(40_000)
                                + "\r\nConnection: close\r\n\r\n");
        assertThat(hugeHeader.status()).isEqualTo(431);
        assertThat(hugeHeader.isJson()).isTrue();
    }

    @Test
    void theV0ApiRoutesAnswerUnderApi() throws Exception {
        RawHttpAccess.Reply summary = raw(get("/api/test-collection/workflow-publish-only"));
        assertThat(summary.status()).isEqualTo(200);
        assertThat(summary.json().path("workflow").asText()).isEqualTo("publish-only");
        assertThat(summary.json().path("counts").path("COMPLETED").asInt()).isZero();
        RawHttpAccess.Reply notAWorkflow = raw(get("/api/nothing-here"));
        assertThat(notAWorkflow.status()).isEqualTo(400);
        RawHttpAccess.Reply unknown = raw(get("/api/test-collection/workflow-publish-only/none"));
        assertThat(unknown.status()).isEqualTo(404);
    }
}
