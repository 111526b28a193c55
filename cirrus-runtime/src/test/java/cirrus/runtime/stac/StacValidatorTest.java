package cirrus.runtime.stac;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import cirrus.runtime.json.Json;

/** STAC items against the bundled official schemas, offline, one finding per problem. */
class StacValidatorTest {
    static final String PROJ = "https://stac-extensions.github.io/projection/v1.1.0/schema.json";
    static final String RASTER = "https://stac-extensions.github.io/raster/v1.1.0/schema.json";

    static ObjectNode item() {
        return (ObjectNode)
                Json.parse(
                        """
                        {"type": "Feature", "stac_version": "1.0.0",
                         "stac_extensions": ["%s", "%s"],
                         "id": "scene-1", "collection": "sample-geotiffs",
                         "geometry": {"type": "Polygon", "coordinates": [[[0.0, 0.0], [1.0, 0.0],
                             [1.0, 1.0], [0.0, 1.0], [0.0, 0.0]]]},
                         "bbox": [0.0, 0.0, 1.0, 1.0],
                         "properties": {"datetime": "2020-01-01T00:00:00Z", "proj:epsg": 32618,
                             "proj:shape": [512, 512],
                             "proj:transform": [30.0, 0.0, 400000.0, 0.0, -30.0, 4000000.0]},
                         "links": [{"rel": "collection", "href": "../collection.json",
                             "type": "application/json"}],
                         "assets": {"data": {"href": "s3://b/scene-1.tif",
                             "type": "image/tiff; application=geotiff; profile=cloud-optimized",
                             "roles": ["data"], "raster:bands": [{"data_type": "uint8"}]}}}
                        """
                                .formatted(PROJ, RASTER));
    }

    @Test
    void aCompleteItemIsValidAgainstCoreProjectionAndRaster() {
        assertThat(StacValidator.bundled().check(item(), "")).isEmpty();
    }

    @Test
    void anItemWithACollectionButNoCollectionLinkFailsTheItemSchema() {
        ObjectNode item = item();
        item.putArray("links");

        List<StacFinding> findings = StacValidator.bundled().check(item, "/features/2");

        assertThat(findings).isNotEmpty().allMatch(StacFinding::error);
        assertThat(findings).anyMatch(f -> f.pointer().equals("/features/2/links"));
        assertThat(findings).allMatch(f -> !f.line().contains("\n"));
    }

    @Test
    void extensionValuesAreCheckedByTheirBundledSchema() {
        ObjectNode item = item();
        ((ObjectNode) item.get("properties")).put("proj:epsg", "EPSG:32618");

        List<StacFinding> findings = StacValidator.bundled().check(item, "");

        assertThat(findings).isNotEmpty();
        assertThat(findings.get(0).line()).startsWith("/properties/proj:epsg: ").contains(PROJ);
    }

    @Test
    void anExtensionWithoutABundledSchemaIsAWarningNamingIt() {
        ObjectNode item = item();
        String eo = "https://stac-extensions.github.io/eo/v1.1.0/schema.json";
        item.withArray("stac_extensions").add(eo);

        List<StacFinding> findings = StacValidator.bundled().check(item, "");

        assertThat(findings)
                .containsExactly(
                        new StacFinding(
                                "/stac_extensions",
                                "extension " + eo + " has no bundled schema: not checked",
                                false));
    }

    @Test
    void aSchemaThatIsNotBundledIsNeverFetched() {
        ObjectNode item = item();
        ((ObjectNode) item.get("properties"))
                .putObject("proj:projjson")
                .put("type", "ProjectedCRS");

        List<StacFinding> findings = StacValidator.bundled().check(item, "");

        assertThat(findings).allMatch(f -> !f.line().contains("\n"));
        assertThat(findings)
                .extracting(StacFinding::line)
                .anyMatch(l -> l.contains("proj.org/schemas/v0.5/projjson.schema.json"));
    }
}
