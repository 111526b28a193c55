package cirrus.example.geotiff.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.databind.JsonNode;

import cirrus.runtime.stac.StacFinding;
import cirrus.runtime.stac.StacValidator;

/**
 * The rules of the STAC 1.0.0 Item specification (and of the projection and raster extensions) that
 * an item must follow, as assertions: required fields and their types, a closed counter-clockwise
 * polygon whose corners lie in the bbox, RFC 3339 datetime, links with rel and href, assets with
 * href.
 */
final class StacItemAssert {
    private StacItemAssert() {}

    static void assertValidItem(JsonNode item) {
        // the official STAC 1.0.0 item, projection 1.1.0 and raster 1.1.0 schemas (bundled)
        assertThat(StacValidator.bundled().check(item, ""))
                .as("findings of the STAC schemas for item %s", item.path("id").asText())
                .extracting(StacFinding::line)
                .isEmpty();
        assertThat(item.path("type").asText()).isEqualTo("Feature");
        assertThat(item.path("stac_version").asText()).isEqualTo("1.0.0");
        assertThat(item.path("id").isTextual()).as("id is a string").isTrue();
        assertThat(item.path("stac_extensions").isArray()).isTrue();
        item.path("stac_extensions")
                .forEach(e -> assertThat(e.asText()).startsWith("https://").endsWith(".json"));

        JsonNode bbox = item.path("bbox");
        assertThat(bbox.isArray() && bbox.size() == 4).as("bbox has 4 numbers").isTrue();
        bbox.forEach(n -> assertThat(n.isNumber()).isTrue());
        assertThat(bbox.get(0).asDouble()).isLessThan(bbox.get(2).asDouble());
        assertThat(bbox.get(1).asDouble()).isLessThan(bbox.get(3).asDouble());
        assertThat(bbox.get(0).asDouble()).isBetween(-180.0, 180.0);
        assertThat(bbox.get(1).asDouble()).isBetween(-90.0, 90.0);

        JsonNode geometry = item.path("geometry");
        assertThat(geometry.path("type").asText()).isEqualTo("Polygon");
        JsonNode ring = geometry.path("coordinates").path(0);
        assertThat(ring.size()).as("closed ring of 4 corners").isEqualTo(5);
        assertThat(ring.get(0)).isEqualTo(ring.get(4));
        double area2 = 0;
        for (int i = 0; i < 4; i++) {
            JsonNode p = ring.get(i);
            JsonNode q = ring.get(i + 1);
            assertThat(p.get(0).asDouble())
                    .isBetween(bbox.get(0).asDouble() - 1e-12, bbox.get(2).asDouble() + 1e-12);
            assertThat(p.get(1).asDouble())
                    .isBetween(bbox.get(1).asDouble() - 1e-12, bbox.get(3).asDouble() + 1e-12);
            area2 +=
                    p.get(0).asDouble() * q.get(1).asDouble()
                            - q.get(0).asDouble() * p.get(1).asDouble();
        }
        assertThat(area2).as("RFC 7946: exterior rings are counter-clockwise").isPositive();

        JsonNode properties = item.path("properties");
        assertThat(properties.isObject()).isTrue();
        OffsetDateTime.parse(properties.path("datetime").asText()); // RFC 3339 or throws
        assertThat(properties.path("proj:epsg").isInt()).isTrue();
        assertThat(properties.path("proj:shape").size()).isEqualTo(2);
        assertThat(properties.path("proj:transform").size()).isIn(6, 9);

        assertThat(item.path("links").isArray()).isTrue();
        item.path("links")
                .forEach(
                        l -> {
                            assertThat(l.path("rel").isTextual()).isTrue();
                            assertThat(l.path("href").isTextual()).isTrue();
                        });
        assertThat(item.path("assets").isObject() && item.path("assets").size() > 0).isTrue();
        item.path("assets")
                .forEach(
                        a -> {
                            assertThat(a.path("href").asText()).isNotBlank();
                            assertThat(a.path("roles").isArray()).isTrue();
                        });
    }

    static void assertBbox(JsonNode item, double... expected) {
        for (int i = 0; i < 4; i++) {
            assertThat(item.path("bbox").get(i).asDouble())
                    .as("bbox[%d] of %s", i, item.path("id").asText())
                    .isCloseTo(expected[i], within(1e-8));
        }
    }
}
