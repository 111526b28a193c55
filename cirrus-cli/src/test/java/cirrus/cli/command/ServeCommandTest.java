package cirrus.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import cirrus.cli.Cli;
import cirrus.cli.Environment;
import cirrus.cli.ExitCode;
import cirrus.local.engine.TestProjects;
import cirrus.runtime.json.Json;

class ServeCommandTest {
    @TempDir Path project;

    private record Result(int code, String out, String err) {}

    private Result cirrus(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code =
                Cli.run(
                        args,
                        new PrintWriter(out, true),
                        new PrintWriter(err, true),
                        new Environment(project, Map.of()));
        return new Result(code, out.toString(), err.toString());
    }

    private static void await(String what, java.util.function.BooleanSupplier condition)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(25);
        }
    }

    @Test
    void payloadCommandsTalkToARunningServe() throws Exception {
        TestProjects.initOnly(project).write();
        Path serveFile = project.resolve(".cirrus/local/serve.json");
        AtomicInteger serveExit = new AtomicInteger(-1);
        StringWriter serveOut = new StringWriter();
        StringWriter serveErr = new StringWriter();
        Thread serve =
                new Thread(
                        () ->
                                serveExit.set(
                                        Cli.run(
                                                new String[] {"serve", "--port", "0"},
                                                new PrintWriter(serveOut, true),
                                                new PrintWriter(serveErr, true),
                                                new Environment(project, Map.of()))));
        serve.start();
        try {
            await("serve.json", () -> Files.exists(serveFile));
            JsonNode info = Json.parse(Files.readString(serveFile));
            String url = info.path("url").asText();
            assertThat(url).startsWith("http://127.0.0.1:");
            assertThat(info.path("token").asText()).hasSizeGreaterThan(30);
            assertThat(Files.getPosixFilePermissions(serveFile))
                    .as("serve.json holds the token: owner only")
                    .containsExactlyInAnyOrder(
                            PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
            Result noToken =
                    cirrus(
                            "payload",
                            "rerun",
                            "--url",
                            url,
                            "--state-dir",
                            project.resolve("elsewhere").toString(),
                            "--collections",
                            "test-collection",
                            "--workflow",
                            "publish-only");
            assertThat(noToken.code()).isEqualTo(ExitCode.ERROR);
            assertThat(noToken.err()).contains("MissingToken");

            Path payload =
                    Files.writeString(
                            project.resolve("p.json"),
                            Json.write(TestProjects.payload("publish-only", "srv-1")));
            Result submitted =
                    cirrus(
                            "payload",
                            "submit",
                            "--state-dir",
                            project.resolve(".cirrus/local").toString(),
                            payload.toString());
            assertThat(submitted.code()).as(submitted.err()).isEqualTo(ExitCode.OK);
            assertThat(submitted.out())
                    .isEqualTo("submitted test-collection/workflow-publish-only/srv-1\n");

            String id = "test-collection/workflow-publish-only/srv-1";
            await(
                    "COMPLETED",
                    () ->
                            cirrus("payload", "status", "--url", url, id)
                                    .out()
                                    .contains("\"state\" : \"COMPLETED\""));
            Result status = cirrus("payload", "status", "--url", url, id);
            assertThat(Json.parse(status.out()).path("outputs").get(0).asText())
                    .endsWith("/srv-1/srv-1.json");
            // executions link to the local API, not to the AWS console of a made-up account
            assertThat(Json.parse(status.out()).path("executions").get(0).asText())
                    .startsWith(url.replaceAll("/$", "") + "/executions/arn%3Aaws%3Astates%3A")
                    .doesNotContain("console.aws.amazon.com");

            Result list =
                    cirrus(
                            "payload",
                            "list",
                            "--url",
                            url,
                            "--collections",
                            "test-collection",
                            "--workflow",
                            "publish-only");
            assertThat(list.out())
                    .startsWith("COMPLETED  test-collection/workflow-publish-only/srv-1  ");
            assertThat(cirrus("payload", "list", "--url", url).out())
                    .isEqualTo("test-collection publish-only COMPLETED=1\n");

            Result rerun =
                    cirrus(
                            "payload",
                            "rerun",
                            "--url",
                            url,
                            "--state-dir",
                            project.resolve(".cirrus/local").toString(),
                            "--collections",
                            "test-collection",
                            "--workflow",
                            "publish-only",
                            "--state",
                            "completed");
            assertThat(rerun.out()).isEqualTo("found 1\n");

            Result missing = cirrus("payload", "status", "--url", url, "a/workflow-b/c");
            assertThat(missing.code()).isEqualTo(ExitCode.ERROR);
            assertThat(missing.err()).isEqualTo("error[NotFound] no payload a/workflow-b/c\n");
            Result badId = cirrus("payload", "status", "--url", url, "not-an-id");
            assertThat(badId.code()).isEqualTo(ExitCode.ERROR);
            assertThat(badId.err()).startsWith("error[CIRRUS-P004] ").doesNotContain("Error:");

            Result again = cirrus("payload", "submit", "--url", url, payload.toString());
            assertThat(again.code()).as(again.err()).isEqualTo(ExitCode.OK);
            assertThat(again.out())
                    .isEqualTo(
                            "skipped test-collection/workflow-publish-only/srv-1: already"
                                    + " COMPLETED (--replace processes it again)\n");
            Result replaced =
                    cirrus("payload", "submit", "--replace", "--url", url, payload.toString());
            assertThat(replaced.code()).as(replaced.err()).isEqualTo(ExitCode.OK);
            assertThat(replaced.out())
                    .isEqualTo("submitted test-collection/workflow-publish-only/srv-1\n");

            Result busy = cirrus("run", payload.toString());
            assertThat(busy.code()).isEqualTo(ExitCode.ERROR);
            assertThat(busy.err())
                    .contains("another cirrus engine")
                    .contains("cirrus payload submit");
        } finally {
            serve.interrupt();
            serve.join(10_000);
        }
        assertThat(serveExit.get()).as(serveErr.toString()).isEqualTo(ExitCode.OK);
        assertThat(serveFile).doesNotExist();
        assertThat(serveOut.toString()).startsWith("http://127.0.0.1:");
        assertThat(
                        cirrus(
                                        "payload",
                                        "list",
                                        "--state-dir",
                                        project.resolve(".cirrus/local").toString())
                                .err())
                .startsWith("Error: no running `cirrus serve` found");
    }

    @Test
    void aHostOtherThanLoopbackNeedsAllowRemote() throws Exception {
        TestProjects.initOnly(project).write();
        Result r = cirrus("serve", "--port", "0", "--host", "0.0.0.0");
        assertThat(r.code()).isEqualTo(ExitCode.ERROR);
        assertThat(r.err())
                .isEqualTo(
                        "Error: host 0.0.0.0 is not a loopback address; serving other machines"
                                + " needs --allow-remote\n");
        assertThat(project.resolve(".cirrus/local/serve.json")).doesNotExist();
    }
}
