package cirrus.example.geotiff.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;

import com.fasterxml.jackson.databind.JsonNode;

import cirrus.cli.ExitCode;
import cirrus.example.geotiff.samples.SampleRaster;
import cirrus.local.dashboard.HeadlessChromium;
import cirrus.runtime.json.Json;

/**
 * The dashboard of {@code cirrus serve} running the example, looked at in a real headless Chromium:
 * the overview counts are the engine's, the FAILED payload's execution graph shows its failed state
 * in the failed colour, and a rerun from the payload page (after the broken GeoTIFF is replaced)
 * reaches COMPLETED. Screenshots of every page go to {@code target/dashboard/}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardBrowserTest {
    private static final String PREFIX = "sample-geotiffs/workflow-geotiff-pipeline/";
    private static final String FAILED_ID = PREFIX + "truncated-uint16";
    private static final Path SHOTS = Path.of("target", "dashboard");

    @TempDir static Path dir;
    static ExampleProject project;
    static Thread serve;
    static final AtomicInteger serveExit = new AtomicInteger(-1);
    static URI base;
    static HeadlessChromium browser;
    static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void serveTheExampleAndOpenABrowser() throws Exception {
        HeadlessChromium.assumeInstalled();
        Files.createDirectories(dir.resolve("project"));
        project = ExampleProject.copyTo(dir.resolve("project"));
        assertThat(project.cirrus("build").code()).isEqualTo(ExitCode.OK);
        Path serveFile = project.dir().resolve(".cirrus/local/serve.json");
        serve = new Thread(() -> serveExit.set(project.cirrus("serve", "--port", "0").code()));
        serve.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!Files.exists(serveFile) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        base = URI.create(Json.parse(Files.readString(serveFile)).path("url").asText());

        List<String> submit =
                new ArrayList<>(
                        List.of(
                                "payload",
                                "submit",
                                "--state-dir",
                                project.dir().resolve(".cirrus/local").toString()));
        submit.addAll(
                project.payloads(
                        "wgs84-rgb-uint8",
                        "utm33n-uint16",
                        "utm56s-uint16",
                        "webmercator-float32",
                        "invalid-plain-tiff",
                        "failing-truncated-tiff"));
        ExampleProject.Result submitted = project.cirrus(submit.toArray(String[]::new));
        assertThat(submitted.code()).as(submitted.err()).isEqualTo(ExitCode.OK);
        awaitCounts(
                c ->
                        c.path("COMPLETED").asInt() == 4
                                && c.path("FAILED").asInt() == 1
                                && c.path("INVALID").asInt() == 1);
        browser = HeadlessChromium.start(dir.resolve("chromium-profile"));
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.close();
        }
        if (serve != null) {
            serve.interrupt();
            serve.join(15_000);
        }
    }

    private static JsonNode api(String path) throws Exception {
        HttpResponse<String> r =
                http.send(
                        HttpRequest.newBuilder(base.resolve(path)).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
        return Json.parse(r.body());
    }

    /** The engine's own counts (the JSON API's SQL summary) for the example's workflow. */
    private static JsonNode engineCounts() throws Exception {
        for (JsonNode w : api("/payloads").path("workflows")) {
            if (w.path("workflow").asText().equals("geotiff-pipeline")) {
                return w.path("counts");
            }
        }
        return Json.MAPPER.createObjectNode();
    }

    private static void awaitCounts(java.util.function.Predicate<JsonNode> done) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        JsonNode counts = engineCounts();
        while (!done.test(counts)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the example did not finish: " + counts);
            }
            Thread.sleep(200);
            counts = engineCounts();
        }
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static void open(String hash) {
        browser.driver().get(base.resolve("/ui/").toString() + hash);
    }

    private static String cssColour(String selector) {
        return (String)
                browser.script(
                        "return getComputedStyle(document.querySelector(arguments[0])).backgroundColor;",
                        selector);
    }

    /** The background colour cytoscape painted a state node with, as rgb(r,g,b). */
    private static String nodeColour(String state) {
        return (String)
                browser.script(
                        "const n = window.cirrusGraph.nodes().filter(n => n.data('state') === arguments[0]);"
                                + " return n.length ? n[0].style('background-color') : null;",
                        state);
    }

    private static String rgb(String colour) {
        return colour == null ? null : colour.replace(" ", "");
    }

    @Test
    @Order(1)
    void theOverviewShowsTheEnginesCountsPerState() throws Exception {
        open("#/overview?window=36500d");
        String card = ".workflow[data-workflow='geotiff-pipeline']";
        browser.waiting(Duration.ofSeconds(20))
                .until(
                        ExpectedConditions.presenceOfElementLocated(
                                By.cssSelector(card + " .total")));
        JsonNode engine = engineCounts();
        Map<String, Integer> shown = new java.util.TreeMap<>();
        for (WebElement count : browser.driver().findElements(By.cssSelector(card + " .count"))) {
            shown.put(count.getAttribute("data-state"), Integer.parseInt(count.getText()));
        }
        Map<String, Integer> expected = new java.util.TreeMap<>();
        engine.properties().forEach(e -> expected.put(e.getKey(), e.getValue().asInt()));
        assertThat(shown)
                .isEqualTo(expected)
                .containsEntry("COMPLETED", 4)
                .containsEntry("FAILED", 1);
        assertThat(browser.driver().findElement(By.cssSelector(card + " .total")).getText())
                .isEqualTo("6");
        assertThat(browser.driver().findElement(By.id("failures")).getText()).contains(FAILED_ID);
        browser.screenshot(SHOTS.resolve("overview.png"));

        open("#/payloads?workflow=geotiff-pipeline");
        browser.waiting(Duration.ofSeconds(20))
                .until(
                        d ->
                                d.findElements(By.cssSelector("#payload-table tbody tr.clickable"))
                                                .size()
                                        == 6);
        browser.screenshot(SHOTS.resolve("payloads.png"));
    }

    @Test
    @Order(2)
    void theFailedPayloadsGraphShowsItsFailedStateInTheFailedColour() throws Exception {
        JsonNode item = api("/payloads/" + encode(FAILED_ID));
        assertThat(item.path("state").asText()).isEqualTo("FAILED");
        JsonNode executions = item.path("execution_details");
        String arn = executions.get(executions.size() - 1).path("executionArn").asText();

        open("#/execution/" + encode(arn));
        browser.waiting(Duration.ofSeconds(20))
                .until(
                        d ->
                                browser.script(
                                                "return !!window.cirrusGraph && window.cirrusGraph.nodes().length > 0;")
                                        .equals(Boolean.TRUE));
        String failed = rgb(cssColour("[data-legend='FAILED']"));
        String succeeded = rgb(cssColour("[data-legend='SUCCEEDED']"));
        String notRun = rgb(cssColour("[data-legend='NOT_RUN']"));
        assertThat(failed).isNotEqualTo(succeeded);
        // post-batch raises the preview job's error; the Parallel's Catch then goes to the Fail
        // state
        assertThat(rgb(nodeColour("post-batch"))).isEqualTo(failed);
        assertThat(rgb(nodeColour("geotiff-to-stac"))).isEqualTo(succeeded);
        assertThat(rgb(nodeColour("pre-batch"))).isEqualTo(succeeded);
        assertThat(rgb(nodeColour("publish"))).isEqualTo(notRun);
        assertThat(
                        browser.script(
                                "return window.cirrusGraph.nodes().filter(n => n.data('state') === 'preview-job')"
                                        + "[0].parent().parent().data('id');"))
                .as("preview-job is drawn inside the preview Parallel's group")
                .isEqualTo("preview::group");

        // a click on the failed state shows its error and timing
        WebElement graph = browser.driver().findElement(By.id("graph"));
        @SuppressWarnings("unchecked")
        Map<String, Object> at =
                (Map<String, Object>)
                        browser.script(
                                "const n = window.cirrusGraph.nodes().filter(n => n.data('state') === 'post-batch')[0];"
                                        + " const p = n.renderedPosition(); const r = arguments[0].getBoundingClientRect();"
                                        + " return {x: p.x - r.width / 2, y: p.y - r.height / 2};",
                                graph);
        new Actions(browser.driver())
                .moveToElement(
                        graph, ((Number) at.get("x")).intValue(), ((Number) at.get("y")).intValue())
                .click()
                .perform();
        browser.waiting(Duration.ofSeconds(10))
                .until(ExpectedConditions.textToBe(By.id("state-name"), "post-batch"));
        assertThat(browser.driver().findElement(By.id("state-panel")).getText())
                .contains("FAILED")
                .contains("Duration");
        assertThat(browser.driver().findElement(By.id("timeline")).getText())
                .contains("geotiff-to-stac");
        browser.screenshot(SHOTS.resolve("execution.png"));
    }

    @Test
    @Order(3)
    void theBatchPageShowsQueuesEnvironmentsJobsAndALogTail() throws Exception {
        open("#/batch");
        browser.waiting(Duration.ofSeconds(20))
                .until(
                        ExpectedConditions.presenceOfElementLocated(
                                By.cssSelector("#jobs tr[data-job]")));
        assertThat(browser.driver().findElement(By.id("queues")).getText())
                .contains("geotiff-pipeline-dev-preview");
        assertThat(browser.driver().findElement(By.id("environments")).getText()).contains("/");
        assertThat(browser.script("return !!window.Chart && !!Chart.getChart('vcpu-chart');"))
                .isEqualTo(Boolean.TRUE);
        List<WebElement> failedJobs =
                browser.driver().findElements(By.cssSelector("#jobs tr[data-job] .s-FAILED"));
        assertThat(failedJobs).isNotEmpty();
        failedJobs.get(0).click();
        browser.waiting(Duration.ofSeconds(10))
                .until(ExpectedConditions.presenceOfElementLocated(By.id("job-log-lines")));
        assertThat(browser.driver().findElement(By.id("job-log-lines")).getText()).isNotBlank();
        browser.screenshot(SHOTS.resolve("batch.png"));
    }

    @Test
    @Order(4)
    void aRerunFromThePayloadPageReachesCompleted() throws Exception {
        // the operator's fix: a whole copy of the GeoTIFF replaces the broken one
        SampleRaster fixed =
                new SampleRaster(
                        "truncated-uint16",
                        32633,
                        320,
                        240,
                        1,
                        SampleRaster.DataType.UINT16,
                        420_000,
                        5_100_000,
                        30,
                        false,
                        Optional.of("2024:05:14 09:45:12"),
                        Optional.empty(),
                        Optional.empty());
        Files.write(project.dataFile("sources/truncated-uint16.tif"), fixed.toBytes());

        open("#/payload/" + encode(FAILED_ID));
        WebElement rerun =
                browser.waiting(Duration.ofSeconds(20))
                        .until(ExpectedConditions.elementToBeClickable(By.id("rerun")));
        assertThat(browser.driver().findElement(By.id("payload-state")).getText())
                .isEqualTo("FAILED");
        rerun.click();
        browser.waiting(Duration.ofSeconds(5)).until(ExpectedConditions.alertIsPresent()).accept();
        browser.waiting(Duration.ofSeconds(120))
                .until(ExpectedConditions.textToBe(By.id("payload-state"), "COMPLETED"));
        assertThat(api("/payloads/" + encode(FAILED_ID)).path("state").asText())
                .isEqualTo("COMPLETED");
        assertThat(browser.driver().findElements(By.cssSelector("#executions tbody tr")))
                .hasSize(2);
        browser.screenshot(SHOTS.resolve("payload.png"));
    }
}
