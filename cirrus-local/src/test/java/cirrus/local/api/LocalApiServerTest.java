package cirrus.local.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import cirrus.local.engine.EngineOptions;
import cirrus.local.engine.LocalEngine;
import cirrus.local.engine.TestProjects;
import cirrus.local.http.ServerToken;
import cirrus.runtime.json.Json;

class LocalApiServerTest {
    @TempDir Path project;
    private final HttpClient http = HttpClient.newHttpClient();
    private String token = "";

    private record Reply(int status, JsonNode body) {}

    private Reply get(URI base, String path) throws IOException, InterruptedException {
        HttpResponse<String> r =
                http.send(
                        HttpRequest.newBuilder(base.resolve(path)).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
        return new Reply(r.statusCode(), Json.parse(r.body()));
    }

    private Reply post(URI base, String path, String body)
            throws IOException, InterruptedException {
        HttpResponse<String> r =
                http.send(
                        HttpRequest.newBuilder(base.resolve(path))
                                .header(ServerToken.HEADER, token)
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        return new Reply(r.statusCode(), Json.parse(r.body()));
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private JsonNode awaitPayload(URI base, String id) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            Reply r = get(base, "/payloads/" + id);
            if (r.status() == 200 && r.body().path("state").asText().equals("COMPLETED")) {
                return r.body();
            }
            Thread.sleep(25);
        }
        throw new AssertionError("payload " + id + " did not complete");
    }

    @Test
    void submitWatchListAndRerunPayloadsOverHttp() throws Exception {
        try (LocalEngine engine =
                        LocalEngine.start(
                                TestProjects.initOnly(project).model(), EngineOptions.defaults());
                LocalApiServer server = LocalApiServer.start(engine, 0)) {
            URI base = server.url();
            token = server.token().value();
            assertThat(base.getHost()).isEqualTo("127.0.0.1");
            Reply health = get(base, "/health");
            assertThat(health.body().path("stack").asText()).isEqualTo("cirrus-dev");
            assertThat(health.body().path("workflows").toString()).contains("publish-only");

            Reply submitted =
                    post(
                            base,
                            "/payloads",
                            Json.write(TestProjects.payload("publish-only", "api-1")));
            assertThat(submitted.status()).isEqualTo(202);
            String id = "test-collection/workflow-publish-only/api-1";
            assertThat(submitted.body().path("submitted").get(0).asText()).isEqualTo(id);

            JsonNode item = awaitPayload(base, id);
            assertThat(item.path("outputs").get(0).asText()).startsWith("s3://cirrus-dev-data/");
            String arn = item.path("execution_details").get(0).path("executionArn").asText();
            assertThat(get(base, "/executions/" + encode(arn)).body().path("status").asText())
                    .isEqualTo("SUCCEEDED");
            assertThat(
                            get(base, "/executions/" + encode(arn) + "/history")
                                    .body()
                                    .path("events")
                                    .size())
                    .isGreaterThan(3);
            assertThat(
                            get(base, "/executions?workflow=publish-only")
                                    .body()
                                    .path("executions")
                                    .size())
                    .isEqualTo(1);

            Reply list =
                    get(
                            base,
                            "/payloads?collections=test-collection&workflow=publish-only&state=COMPLETED");
            assertThat(list.body().path("items").size()).isEqualTo(1);
            assertThat(
                            get(base, "/payloads")
                                    .body()
                                    .path("workflows")
                                    .get(0)
                                    .path("counts")
                                    .path("COMPLETED")
                                    .asInt())
                    .isEqualTo(1);

            Reply rerun =
                    post(
                            base,
                            "/rerun",
                            "{\"collections\": \"test-collection\", \"workflow\": \"publish-only\", \"state\": \"COMPLETED\"}");
            assertThat(rerun.status()).isEqualTo(200);
            assertThat(rerun.body().path("found").asInt()).isEqualTo(1);
        }
    }

    @Test
    void badRequestsGetOneLineErrorsWithStableCodes() throws Exception {
        try (LocalEngine engine =
                        LocalEngine.start(
                                TestProjects.initOnly(project).model(), EngineOptions.defaults());
                LocalApiServer server = LocalApiServer.start(engine, 0)) {
            URI base = server.url();
            token = server.token().value();
            Reply noWorkflow =
                    post(
                            base,
                            "/payloads",
                            "{\"type\": \"FeatureCollection\", \"features\": [], \"process\": {}}");
            assertThat(noWorkflow.status()).isEqualTo(400);
            assertThat(noWorkflow.body().path("error").path("code").asText())
                    .startsWith("CIRRUS-P");
            assertThat(
                            post(base, "/payloads", "{not json")
                                    .body()
                                    .path("error")
                                    .path("code")
                                    .asText())
                    .isEqualTo("CIRRUS-P001");
            assertThat(get(base, "/payloads/a/workflow-b/c").status()).isEqualTo(404);
            assertThat(get(base, "/nowhere").status()).isEqualTo(404);
            assertThat(post(base, "/jobs", "{}").status()).isEqualTo(405);
            assertThat(get(base, "/executions?limit=0").body().path("error").path("code").asText())
                    .isEqualTo("BadQuery");
        }
    }
}
