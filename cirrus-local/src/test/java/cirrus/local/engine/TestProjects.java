package cirrus.local.engine;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cirrus.local.model.LocalModel;
import cirrus.local.model.LocalModelBuilder;
import cirrus.local.model.ModelOptions;
import cirrus.runtime.json.Json;
import cirrus.yaml.YamlLoader;

/**
 * Compiled projects for engine tests: the serverless.yml cirrus v0.15.4 builds for a fresh `cirrus
 * init` project, with the builtin functions switched to their Java handlers (as our build emits
 * them), plus whatever a test adds. Written as JSON (valid YAML) to .cirrus/build/serverless.yml.
 */
public final class TestProjects {
    private static final Map<String, String> JAVA_HANDLERS =
            Map.of(
                    "api", "ApiHandler",
                    "process", "ProcessHandler",
                    "update-state", "UpdateStateHandler",
                    "pre-batch", "PreBatchHandler",
                    "post-batch", "PostBatchHandler",
                    "publish", "PublishHandler",
                    "feed-rerun", "FeedRerunHandler");

    private final Path dir;
    private final ObjectNode tree;

    private TestProjects(Path dir, ObjectNode tree) {
        this.dir = dir;
        this.tree = tree;
    }

    /** The init-only project in {@code dir}. */
    public static TestProjects initOnly(Path dir) throws IOException {
        String yaml;
        try (InputStream in =
                TestProjects.class.getResourceAsStream(
                        "/cirrus/local/model/init-only-serverless.yml")) {
            yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Object root = YamlLoader.loadString(yaml, Path.of("serverless.yml")).root();
        ObjectNode tree = (ObjectNode) Json.MAPPER.valueToTree(root);
        ObjectNode functions = (ObjectNode) tree.get("functions");
        JAVA_HANDLERS.forEach(
                (name, handler) -> {
                    ObjectNode fn = (ObjectNode) functions.get(name);
                    fn.put("handler", "cirrus.aws.handler." + handler + "::handleRequest");
                    fn.put("runtime", "java17");
                    fn.put("memorySize", 512);
                    fn.remove("module");
                });
        return new TestProjects(dir, tree);
    }

    public ObjectNode tree() {
        return tree;
    }

    /** Adds (or replaces) a workflow from its definition.yml-shaped YAML. */
    public TestProjects workflow(String name, String definitionYaml) {
        ObjectNode machines = (ObjectNode) tree.path("stepFunctions").path("stateMachines");
        ObjectNode wf = machines.putObject(name);
        wf.put("name", "${self:service}-${self:provider.stage}-" + name);
        wf.set("definition", yaml(definitionYaml));
        return this;
    }

    /** Adds a function from its serverless YAML. */
    public TestProjects function(String name, String yaml) {
        ((ObjectNode) tree.get("functions")).set(name, yaml(yaml));
        return this;
    }

    /** Adds CloudFormation resources from YAML ({@code LogicalId: {Type, Properties}}). */
    public TestProjects resources(String yaml) {
        ObjectNode resources = (ObjectNode) tree.path("resources").path("Resources");
        yaml(yaml).fields().forEachRemaining(e -> resources.set(e.getKey(), e.getValue()));
        return this;
    }

    /** Sets {@code custom.local} from YAML. */
    public TestProjects local(String yaml) {
        ((ObjectNode) tree.get("custom")).set("local", yaml(yaml));
        return this;
    }

    /** Writes .cirrus/build/serverless.yml (and a cirrus.yml marking the project); returns it. */
    public Path write() throws IOException {
        Path build = Files.createDirectories(dir.resolve(".cirrus/build"));
        Path file = build.resolve("serverless.yml");
        Files.writeString(
                file, Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(tree));
        Path config = dir.resolve("cirrus.yml");
        if (!Files.exists(config)) {
            Files.writeString(config, "service: cirrus\n");
            Files.setLastModifiedTime(config, java.nio.file.attribute.FileTime.fromMillis(0));
        }
        return file;
    }

    /** Writes serverless.yml and builds the model. */
    public LocalModel model() throws IOException {
        return LocalModelBuilder.load(
                write(), dir, ModelOptions.defaults().withEnvironment(Map.of()));
    }

    public static JsonNode yaml(String yaml) {
        Object root = YamlLoader.loadString(yaml, Path.of("fixture.yml")).root();
        return Json.MAPPER.valueToTree(root == null ? new LinkedHashMap<>() : root);
    }

    /** A one-item payload for {@code workflow}. */
    public static ObjectNode payload(String workflow, String itemId) {
        return (ObjectNode)
                Json.parse(
                        """
                        {"type": "FeatureCollection",
                         "features": [{"type": "Feature", "stac_version": "1.0.0", "id": "%s",
                           "collection": "test-collection",
                           "geometry": {"type": "Point", "coordinates": [0, 0]},
                           "bbox": [0, 0, 1, 1],
                           "properties": {"datetime": "2020-07-23T00:00:00Z", "eo:cloud_cover": 12},
                           "links": [], "assets": {}}],
                         "process": {"workflow": "%s",
                           "upload_options": {"path_template": "${collection}/${year}/${month}/${id}"},
                           "tasks": {"publish": {}}}}
                        """
                                .formatted(itemId, workflow));
    }
}
