package cirrus.example.geotiff.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cirrus.example.geotiff.samples.SampleGeoTiffs;
import cirrus.example.geotiff.samples.SampleRaster;
import cirrus.local.store.DirectoryBlobStore;
import cirrus.runtime.json.Json;
import cirrus.runtime.payload.ProcessPayload;
import cirrus.runtime.port.BlobStore;
import cirrus.runtime.port.BlobUrl;
import cirrus.runtime.task.InvalidInput;
import cirrus.runtime.task.TaskContext;

/** The Lambda task on its own, over a directory-backed object store. */
class GeoTiffToStacTaskTest {
    @TempDir Path buckets;
    BlobStore blobs;

    @BeforeEach
    void samples() {
        blobs = new DirectoryBlobStore(buckets);
        for (SampleRaster s : SampleGeoTiffs.ALL) {
            blobs.put(BlobUrl.parse("s3://sources/" + s.fileName()), s.toBytes());
        }
        SampleRaster undated =
                new SampleRaster(
                        "undated",
                        4326,
                        8,
                        8,
                        1,
                        SampleRaster.DataType.UINT8,
                        5,
                        50,
                        0.5,
                        false,
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty());
        blobs.put(BlobUrl.parse("s3://sources/undated.tif"), undated.toBytes());
    }

    private static ProcessPayload payload(String assets, String properties) {
        return ProcessPayload.of(
                Json.parse(
                        """
                        {"type": "FeatureCollection", "features": [{"type": "Feature", "id": "x",
                          "collection": "c", "properties": %s, "assets": %s}],
                         "process": {"workflow": "w", "upload_options": {}, "tasks": {}}}
                        """
                                .formatted(properties, assets)),
                true);
    }

    private ObjectNode run(ProcessPayload payload) {
        TaskContext context =
                new TaskContext(
                        "geotiff-to-stac",
                        JsonNodeFactory.instance.objectNode(),
                        blobs,
                        Clock.systemUTC());
        return new GeoTiffToStacTask().process(payload, context).features().get(0);
    }

    @Test
    void theItemsOwnDatetimeIsUsedWhenTheFileHasNoneAndItsOtherFieldsAreKept() {
        ObjectNode item =
                run(
                        payload(
                                "{\"data\": {\"href\": \"s3://sources/undated.tif\"},"
                                        + " \"extra\": {\"href\": \"s3://x/y\", \"roles\": [\"metadata\"]}}",
                                "{\"datetime\": \"2021-03-04T05:06:07+02:00\", \"platform\": \"p\"}"));
        assertThat(item.path("properties").path("datetime").asText())
                .isEqualTo("2021-03-04T03:06:07Z");
        assertThat(item.path("properties").path("platform").asText()).isEqualTo("p");
        assertThat(item.path("assets").path("extra").path("roles").get(0).asText())
                .isEqualTo("metadata");
        assertThat(item.path("bbox").toString()).isEqualTo("[5.0,46.0,9.0,50.0]");
    }

    @Test
    void everyProblemRetryingCannotFixIsInvalidInputNamingTheItem() {
        assertThatThrownBy(() -> run(payload("{}", "{}")))
                .isInstanceOf(InvalidInput.class)
                .hasMessage("item x has no asset 'data' with an href to a GeoTIFF");
        assertThatThrownBy(() -> run(payload("{\"data\": {\"href\": \"https://h/x.tif\"}}", "{}")))
                .isInstanceOf(InvalidInput.class)
                .hasMessage("item x: asset 'data' href https://h/x.tif is not an s3:// URL");
        assertThatThrownBy(
                        () -> run(payload("{\"data\": {\"href\": \"s3://sources/no.tif\"}}", "{}")))
                .isInstanceOf(InvalidInput.class)
                .hasMessage("item x: s3://sources/no.tif does not exist");
        assertThatThrownBy(
                        () ->
                                run(
                                        payload(
                                                "{\"data\": {\"href\": \"s3://sources/undated.tif\"}}",
                                                "{}")))
                .isInstanceOf(InvalidInput.class)
                .hasMessage(
                        "item x: no datetime: s3://sources/undated.tif has no DateTime tag and the"
                                + " item no properties.datetime");
        assertThatThrownBy(
                        () ->
                                run(
                                        payload(
                                                "{\"data\": {\"href\": \"s3://sources/undated.tif\"}}",
                                                "{\"datetime\": \"yesterday\"}")))
                .isInstanceOf(InvalidInput.class)
                .hasMessage("item x: properties.datetime 'yesterday' is not an RFC 3339 date-time");
    }
}
