package cirrus.example.geotiff.pipeline;

import static cirrus.example.geotiff.pipeline.StacItemAssert.assertBbox;
import static cirrus.example.geotiff.pipeline.StacItemAssert.assertValidItem;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import cirrus.cli.ExitCode;
import cirrus.runtime.json.Json;

/**
 * The example end to end, as {@code ./demo} runs it: {@code cirrus build}, then {@code cirrus run}
 * of the six sample payloads on the local engine (geotiff-to-stac as a Java Lambda, preview as a
 * Java Batch job on the project's job queue between pre-batch and post-batch, publish).
 *
 * <p>Expected bounding boxes are the corners of each raster converted by PROJ 9.1.1, not by this
 * example's code: {@code printf "400000 5100000\n…" | cs2cs -f %.9f EPSG:32633 EPSG:4326}. Along
 * the edges of these rasters the extremes lie at the corners (checked with cs2cs at 5 points per
 * edge).
 */
class GeoTiffPipelineTest {
    private static final String ID_PREFIX = "sample-geotiffs/workflow-geotiff-pipeline/";

    /** id → EPSG, rows, columns, expected bbox, item key (year/month/id), preview size. */
    private record Expected(
            int epsg, int rows, int cols, double[] bbox, String key, int previewW, int previewH) {}

    private static final Map<String, Expected> GOOD =
            Map.of(
                    "wgs84-rgb-uint8",
                    new Expected(
                            4326,
                            160,
                            240,
                            new double[] {10.0, 45.6, 10.6, 46.0},
                            "2024/6/wgs84-rgb-uint8",
                            240,
                            160),
                    "utm33n-uint16",
                    new Expected(
                            32633,
                            240,
                            320,
                            new double[] {13.707467964, 45.981479628, 13.832887427, 46.047601225},
                            "2024/5/utm33n-uint16",
                            256,
                            192),
                    "utm56s-uint16",
                    new Expected(
                            32756,
                            200,
                            200,
                            new double[] {
                                151.163065256, -33.823202834, 151.207020946, -33.786508456
                            },
                            "2023/12/utm56s-uint16",
                            200,
                            200),
                    "webmercator-float32",
                    new Expected(
                            3857,
                            256,
                            256,
                            new double[] {8.983152841, 47.197677667, 9.213121554, 47.353704702},
                            "2022/2/webmercator-float32",
                            256,
                            256));

    @TempDir static Path dir;

    static ExampleProject project;
    static ExampleProject.Result build;
    static ExampleProject.Result run;

    @BeforeAll
    static void runTheExample() throws Exception {
        project = ExampleProject.copyTo(dir);
        build = project.cirrus("build");
        List<String> args = new ArrayList<>(List.of("run"));
        args.addAll(
                project.payloads(
                        "wgs84-rgb-uint8",
                        "utm33n-uint16",
                        "utm56s-uint16",
                        "webmercator-float32",
                        "invalid-plain-tiff",
                        "failing-truncated-tiff"));
        run = project.cirrus(args.toArray(String[]::new));
    }

    @Test
    void theProjectBuildsAndTheRunReportsEveryPayload() {
        assertThat(build.code()).as(build.err()).isEqualTo(ExitCode.OK);
        assertThat(run.code()).as(run.err() + run.out()).isEqualTo(ExitCode.ERROR);
        assertThat(run.out()).endsWith("4 completed, 1 failed, 1 invalid\n");
        for (String id : GOOD.keySet()) {
            assertThat(run.out())
                    .contains("COMPLETED  " + ID_PREFIX + id + "\n")
                    .contains(
                            "  output   s3://geotiff-pipeline-dev-data/sample-geotiffs/"
                                    + GOOD.get(id).key()
                                    + "/"
                                    + id
                                    + ".json");
        }
        assertThat(run.out())
                .containsPattern(
                        "job +preview \\S+ SUCCEEDED \\(queue geotiff-pipeline-dev-preview, exit 0\\)");
    }

    @Test
    void everyGoodSampleIsPublishedAsAValidStacItemWithTheBboxOfItsCorners() {
        GOOD.forEach(
                (id, expected) -> {
                    JsonNode item = item(expected);
                    assertValidItem(item);
                    assertThat(item.path("id").asText()).isEqualTo(id);
                    assertThat(item.path("collection").asText()).isEqualTo("sample-geotiffs");
                    assertBbox(item, expected.bbox());
                    JsonNode props = item.path("properties");
                    assertThat(props.path("proj:epsg").asInt()).isEqualTo(expected.epsg());
                    assertThat(props.path("proj:shape").get(0).asInt()).isEqualTo(expected.rows());
                    assertThat(props.path("proj:shape").get(1).asInt()).isEqualTo(expected.cols());
                    assertThat(item.path("stac_extensions").toString())
                            .contains("projection/v1.1.0", "raster/v1.1.0");
                    assertThat(item.path("links").get(0).path("rel").asText()).isEqualTo("self");
                });
    }

    @Test
    void publishedItemsWriteNumbersAsTheTaskWroteThem() {
        String text = project.read(itemFile(GOOD.get("utm33n-uint16")));
        assertThat(text)
                .as("Python json's form: 30.0, 400000.0, never 3E+1 or 4E+5")
                .contains("\"proj:transform\":[30.0,0.0,400000.0,0.0,-30.0,5100000.0,0.0,0.0,1.0]")
                .doesNotContain("E+", "E-");
    }

    @Test
    void itemsCarryTheGridAndTimeOfTheirGeoTiffs() {
        JsonNode utm = item(GOOD.get("utm33n-uint16")).path("properties");
        assertThat(utm.path("datetime").asText()).isEqualTo("2024-05-14T09:45:12Z");
        assertThat(numbers(utm.path("proj:transform")))
                .containsExactly(30, 0, 400000, 0, -30, 5100000, 0, 0, 1);
        assertThat(numbers(utm.path("proj:bbox")))
                .containsExactly(400000, 5092800, 409600, 5100000);
        JsonNode south = item(GOOD.get("utm56s-uint16")).path("properties");
        assertThat(south.path("datetime").asText()).isEqualTo("2023-12-24T23:59:59Z");
        assertThat(numbers(south.path("proj:transform")))
                .as("from the ModelTransformation matrix")
                .containsExactly(20, 0, 330000, 0, -20, 6260000, 0, 0, 1);
        JsonNode data = item(GOOD.get("webmercator-float32")).path("assets").path("data");
        assertThat(data.path("type").asText()).isEqualTo("image/tiff; application=geotiff");
        assertThat(data.path("roles").toString()).isEqualTo("[\"data\"]");
        assertThat(data.path("href").asText())
                .isEqualTo("s3://geotiff-pipeline-dev-data/sources/webmercator-float32.tif");
        assertThat(data.path("raster:bands").size()).isEqualTo(1);
        assertThat(data.path("raster:bands").get(0).path("data_type").asText())
                .isEqualTo("float32");
        assertThat(data.path("raster:bands").get(0).path("nodata").asDouble()).isEqualTo(-9999.0);
        JsonNode rgb = item(GOOD.get("wgs84-rgb-uint8")).path("assets").path("data");
        assertThat(rgb.path("raster:bands").size()).isEqualTo(3);
        assertThat(rgb.path("raster:bands").get(0).path("data_type").asText()).isEqualTo("uint8");
    }

    @Test
    void everyPublishedItemHasARealPngPreviewOfTheExpectedSize() throws Exception {
        for (Map.Entry<String, Expected> e : GOOD.entrySet()) {
            String id = e.getKey();
            Expected expected = e.getValue();
            JsonNode thumbnail = item(expected).path("assets").path("thumbnail");
            String key = "sample-geotiffs/" + expected.key() + "/" + id + "_preview.png";
            assertThat(thumbnail.path("href").asText())
                    .isEqualTo("s3://geotiff-pipeline-dev-data/" + key);
            assertThat(thumbnail.path("type").asText()).isEqualTo("image/png");
            assertThat(thumbnail.path("roles").toString()).contains("thumbnail");
            Path png = project.dataFile(key);
            BufferedImage image = ImageIO.read(png.toFile());
            assertThat(image).as(png + " decodes as an image").isNotNull();
            assertThat(image.getWidth()).as(id + " width").isEqualTo(expected.previewW());
            assertThat(image.getHeight()).as(id + " height").isEqualTo(expected.previewH());
        }
        BufferedImage heights =
                ImageIO.read(
                        project.dataFile(
                                        "sample-geotiffs/2022/2/webmercator-float32/webmercator-float32_preview.png")
                                .toFile());
        assertThat(heights.getRGB(250, 250) >>> 24).as("nodata is transparent").isZero();
        assertThat(heights.getRGB(10, 10) >>> 24).as("data is opaque").isEqualTo(255);
    }

    @Test
    void aTiffWithoutGeoreferencingEndsInvalidWithTheReasonAndIsNotPublished() {
        assertThat(run.out())
                .contains(
                        "INVALID    "
                                + ID_PREFIX
                                + "plain-uint8\n"
                                + "  error    InvalidInput: item plain-uint8:"
                                + " s3://geotiff-pipeline-dev-data/sources/plain-uint8.tif:"
                                + " a TIFF but not a GeoTIFF: it has no GeoKeyDirectory tag (34735)\n");
        assertThat(project.dataFile("sample-geotiffs/2024/1/plain-uint8")).doesNotExist();
    }

    @Test
    void aTruncatedGeoTiffFailsInItsBatchJobWithTheJobsOwnError() throws Exception {
        assertThat(run.out())
                .contains(
                        "FAILED     "
                                + ID_PREFIX
                                + "truncated-uint16\n"
                                + "  error    CorruptRasterException: the GeoTIFF is truncated:"
                                + " strip 7 needs bytes")
                .containsPattern(
                        "job +preview \\S+ FAILED \\(queue geotiff-pipeline-dev-preview, exit 1\\)"
                                + ".* log (\\S+\\.log)");
        String logLine =
                run.out()
                        .lines()
                        .filter(l -> l.contains(" FAILED (queue"))
                        .findFirst()
                        .orElseThrow();
        Path log = dir.resolve(logLine.substring(logLine.lastIndexOf(" log ") + 5));
        List<String> lines = Files.readAllLines(log);
        assertThat(lines.get(lines.size() - 1))
                .as("the last log line is what post-batch raises")
                .startsWith("CorruptRasterException: the GeoTIFF is truncated:");
        assertThat(project.dataFile("sample-geotiffs/2024/5/truncated-uint16")).doesNotExist();
    }

    private static double[] numbers(JsonNode array) {
        double[] out = new double[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asDouble();
        }
        return out;
    }

    private static JsonNode item(Expected expected) {
        return Json.parse(project.read(itemFile(expected)));
    }

    private static Path itemFile(Expected expected) {
        String id = expected.key().substring(expected.key().lastIndexOf('/') + 1);
        Path file = project.dataFile("sample-geotiffs/" + expected.key() + "/" + id + ".json");
        assertThat(file).exists();
        return file;
    }
}
