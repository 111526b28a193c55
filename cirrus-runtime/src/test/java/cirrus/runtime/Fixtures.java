package cirrus.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cirrus.runtime.json.Json;

/**
 * Test resources of the cirrus-runtime test-jar: the upstream cirrus v0.15.4 fixtures under {@code
 * upstream/} (Apache-2.0, see {@code upstream/LICENSE}).
 */
public final class Fixtures {
    private Fixtures() {}

    /** The text of a classpath resource. */
    public static String text(String resource) {
        try (InputStream in = Fixtures.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException(
                        "Resource not found. Add it here: src/test/resources/" + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode json(String resource) {
        return Json.parse(text(resource));
    }

    /** The upstream {@code tests/fixtures/test-payload.json} (one Sentinel-2 item). */
    public static ObjectNode testPayload() {
        return (ObjectNode) json("upstream/payloads/test-payload.json");
    }
}
