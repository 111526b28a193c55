package cirrus.cli.operate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

import cirrus.aws.config.AwsClients;
import cirrus.aws.config.AwsSettings;
import cirrus.aws.dynamodb.DynamoStateStore;
import cirrus.aws.moto.MotoAws;
import cirrus.aws.moto.MotoExtension;
import cirrus.aws.moto.MotoServer;
import cirrus.aws.operate.DeployedStack;
import cirrus.cli.Cli;
import cirrus.cli.Environment;
import cirrus.cli.ExitCode;
import cirrus.cli.command.BuildCommand;
import cirrus.local.dashboard.HeadlessChromium;
import cirrus.runtime.payload.PayloadId;

/**
 * {@code cirrus dashboard --stage dev --endpoint-url …} on a stack deployed to moto: the same pages
 * render through the AWS adapter (DynamoDB state table and indexes), read-only.
 */
@ExtendWith(MotoExtension.class)
class DeployedDashboardTest {
    @TempDir Path dir;

    private int cirrus(
            Path project,
            Map<String, String> env,
            StringWriter out,
            StringWriter err,
            String... args) {
        return Cli.run(
                args,
                new PrintWriter(out, true),
                new PrintWriter(err, true),
                new Environment(project, env));
    }

    @Test
    void theDashboardOfADeployedStackShowsItsPayloadsReadOnly(MotoServer moto) throws Exception {
        HeadlessChromium.assumeInstalled();
        Path project = Files.createDirectories(dir.resolve("proj"));
        Map<String, String> env = new HashMap<>();
        env.put(BuildCommand.LAMBDA_JAR, standInJar().toString());
        env.put("AWS_ACCESS_KEY_ID", "test");
        env.put("AWS_SECRET_ACCESS_KEY", "test");
        StringWriter err = new StringWriter();
        assertThat(cirrus(project, env, new StringWriter(), err, "init", project.toString()))
                .isEqualTo(ExitCode.OK);
        assertThat(
                        cirrus(
                                project,
                                env,
                                new StringWriter(),
                                err,
                                "deploy",
                                "--region",
                                MotoAws.REGION,
                                "--endpoint-url",
                                moto.endpoint().toString()))
                .as(err.toString())
                .isEqualTo(ExitCode.OK);

        AwsClients clients = MotoAws.clients(moto);
        DeployedStack stack =
                DeployedStack.find(
                        AwsSettings.forEndpoint(moto.endpoint(), MotoAws.REGION), "cirrus-dev");
        DynamoStateStore states =
                new DynamoStateStore(
                        clients.dynamoDb(), stack.stateTable(), java.time.Clock.systemUTC());
        String arn =
                "arn:aws:states:"
                        + MotoAws.REGION
                        + ":"
                        + MotoAws.ACCOUNT
                        + ":execution:cirrus-dev-publish-only:";
        for (String item : new String[] {"done-1", "done-2", "broken", "bad"}) {
            PayloadId id = PayloadId.parse("test-collection/workflow-publish-only/" + item);
            states.setProcessing(id, arn + item);
            switch (item) {
                case "broken" -> states.setFailed(id, "States.TaskFailed: the task broke");
                case "bad" -> states.setInvalid(id, "no features");
                default -> states.setCompleted(id);
            }
        }

        StringWriter out = new StringWriter();
        StringWriter serveErr = new StringWriter();
        AtomicInteger exit = new AtomicInteger(-1);
        Thread dashboard =
                new Thread(
                        () ->
                                exit.set(
                                        cirrus(
                                                project,
                                                env,
                                                out,
                                                serveErr,
                                                "dashboard",
                                                "--stage",
                                                "dev",
                                                "--region",
                                                MotoAws.REGION,
                                                "--endpoint-url",
                                                moto.endpoint().toString(),
                                                "--port",
                                                "0")));
        dashboard.start();
        try (HeadlessChromium browser = HeadlessChromium.start(dir.resolve("profile"))) {
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (out.toString().isEmpty()
                    && System.nanoTime() < deadline
                    && dashboard.isAlive()) {
                Thread.sleep(50);
            }
            assertThat(out.toString()).as(serveErr.toString()).startsWith("http://127.0.0.1:");
            URI ui = URI.create(out.toString().strip());
            assertThat(serveErr.toString()).contains("cirrus-dev (read-only)");

            browser.driver().get(ui + "#/overview?window=36500d");
            String card = ".workflow[data-workflow='publish-only']";
            browser.waiting(Duration.ofSeconds(30))
                    .until(
                            ExpectedConditions.presenceOfElementLocated(
                                    By.cssSelector(card + " .total")));
            assertThat(
                            browser.driver()
                                    .findElement(
                                            By.cssSelector(
                                                    card + " .count[data-state='COMPLETED']"))
                                    .getText())
                    .isEqualTo("2");
            assertThat(
                            browser.driver()
                                    .findElement(
                                            By.cssSelector(card + " .count[data-state='FAILED']"))
                                    .getText())
                    .isEqualTo("1");
            assertThat(browser.driver().findElement(By.id("failures")).getText())
                    .contains("test-collection/workflow-publish-only/broken");
            browser.screenshot(Path.of("target", "dashboard", "deployed-overview.png"));

            browser.driver()
                    .get(
                            ui
                                    + "#/payload/"
                                    + URLEncoder.encode(
                                            "test-collection/workflow-publish-only/broken",
                                            StandardCharsets.UTF_8));
            browser.waiting(Duration.ofSeconds(30))
                    .until(ExpectedConditions.textToBe(By.id("payload-state"), "FAILED"));
            assertThat(browser.driver().findElement(By.id("last-error")).getText())
                    .contains("the task broke");
            assertThat(browser.driver().findElements(By.id("rerun")))
                    .as("read-only: no rerun button")
                    .isEmpty();
            browser.screenshot(Path.of("target", "dashboard", "deployed-payload.png"));

            browser.driver().get(ui + "#/batch");
            browser.waiting(Duration.ofSeconds(30))
                    .until(
                            ExpectedConditions.textToBePresentInElementLocated(
                                    By.id("queues"), "cirrus-dev-"));
            assertThat(browser.driver().findElement(By.id("environments")).getText())
                    .contains("cirrus-dev-");
            browser.screenshot(Path.of("target", "dashboard", "deployed-batch.png"));
        } finally {
            dashboard.interrupt();
            dashboard.join(15_000);
        }
        assertThat(exit.get()).as(serveErr.toString()).isEqualTo(ExitCode.OK);
        assertThat(Optional.ofNullable(clients)).isPresent();
    }

    /** moto stores Lambda code without running it: a small stand-in for the builtins' jar. */
    private Path standInJar() throws IOException {
        Path jar = dir.resolve("cirrus-aws-lambda.jar");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().putValue("Manifest-Version", "1.0");
        try (OutputStream o = Files.newOutputStream(jar);
                JarOutputStream j = new JarOutputStream(o, manifest)) {
            j.putNextEntry(new java.util.zip.ZipEntry("cirrus/README"));
            j.write("stand-in".getBytes(StandardCharsets.UTF_8));
        }
        return jar;
    }
}
