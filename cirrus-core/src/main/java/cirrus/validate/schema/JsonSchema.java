package cirrus.validate.schema;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import cirrus.yaml.YamlLoader;

/**
 * The JSON Schemas (draft 2020-12) cirrus ships for its YAML files, in the jar under {@value
 * #DIRECTORY}: {@code cirrus-yml.schema.json}, {@code definition-function.schema.json} (functions
 * and feeders), {@code definition-task.schema.json}, {@code definition-workflow.schema.json} and
 * {@code cloudformation.schema.json}. Editors can use them too ({@code # yaml-language-server:
 * $schema=…}); {@link SchemaChecker} interprets the subset they use.
 */
public final class JsonSchema {
    /** Where the schemas are on the classpath. */
    public static final String DIRECTORY = "/cirrus/schema/";

    public static final String CIRRUS_YML = "cirrus-yml.schema.json";
    public static final String FUNCTION = "definition-function.schema.json";
    public static final String TASK = "definition-task.schema.json";
    public static final String WORKFLOW = "definition-workflow.schema.json";
    public static final String CLOUDFORMATION = "cloudformation.schema.json";

    /** Shapes the others refer to. */
    public static final String COMMON = "common.schema.json";

    private static final Map<String, SchemaNode> LOADED = new ConcurrentHashMap<>();

    private JsonSchema() {}

    /** The schema document {@code name} (one of the constants). */
    static SchemaNode load(String name) {
        return LOADED.computeIfAbsent(name, JsonSchema::read);
    }

    /** The schema read as YAML (JSON is YAML; the YAML reader is loaded for the project anyway). */
    private static SchemaNode read(String name) {
        try (InputStream in = JsonSchema.class.getResourceAsStream(DIRECTORY + name)) {
            if (in == null) {
                throw new IllegalStateException("schema not found in the jar: " + name);
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return SchemaNode.of(YamlLoader.loadString(text, Path.of(name)).root());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
