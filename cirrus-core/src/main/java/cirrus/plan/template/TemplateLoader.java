package cirrus.plan.template;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cirrus.diag.Diagnostic;
import cirrus.diag.Location;
import cirrus.yaml.YamlDocument;
import cirrus.yaml.YamlException;
import cirrus.yaml.YamlLoader;

/**
 * Reads the template a plan compares: a build directory (its {@code serverless.yml} or
 * CloudFormation template), a project directory (its {@code .cirrus/build/}), a {@code
 * serverless.yml}, or a CloudFormation template in YAML or JSON.
 */
public final class TemplateLoader {
    /** File names tried, in order, when the path is a directory. */
    public static final List<String> FILE_NAMES =
            List.of(
                    "serverless.yml",
                    "serverless.yaml",
                    "template.yml",
                    "template.yaml",
                    "template.json",
                    "cloudformation.yml",
                    "cloudformation.json");

    private TemplateLoader() {}

    /** Loads the template at {@code path} (file or directory). */
    public static Template load(Path path) {
        Path file = locate(path);
        YamlDocument doc;
        try {
            doc = YamlLoader.load(file);
        } catch (YamlException e) {
            Diagnostic d = e.diagnostic();
            throw new TemplateException(
                    new Diagnostic(
                            TemplateException.UNREADABLE,
                            cirrus.diag.Severity.ERROR,
                            d.location(),
                            "cannot read template: " + d.message(),
                            null),
                    e);
        }
        return of(doc);
    }

    /** Finds the template file for {@code path}: the file itself or one inside the directory. */
    public static Path locate(Path path) {
        if (Files.isRegularFile(path)) {
            return path;
        }
        if (Files.isDirectory(path)) {
            for (Path dir : List.of(path, path.resolve(".cirrus").resolve("build"))) {
                for (String name : FILE_NAMES) {
                    Path candidate = dir.resolve(name);
                    if (Files.isRegularFile(candidate)) {
                        return candidate;
                    }
                }
            }
            throw new TemplateException(
                    TemplateException.NOT_FOUND,
                    Location.of(path),
                    "no template in directory: expected one of " + String.join(", ", FILE_NAMES),
                    "pass a build directory, a serverless.yml or a CloudFormation template");
        }
        throw new TemplateException(
                TemplateException.NOT_FOUND,
                Location.of(path),
                "no such file or directory",
                "pass a build directory, a serverless.yml or a CloudFormation template");
    }

    /** The template in a loaded YAML/JSON document. */
    public static Template of(YamlDocument doc) {
        Optional<Map<String, Object>> root = doc.rootMap();
        if (root.isEmpty()) {
            throw notATemplate(doc, "the file is not a mapping");
        }
        Map<String, Object> map = root.get();
        if (map.get("Resources") instanceof Map<?, ?>) {
            return CloudFormationTemplate.read(doc, map);
        }
        if (map.containsKey("service")
                || map.containsKey("resources")
                || map.containsKey("stepFunctions")) {
            return ServerlessTemplate.read(doc, map);
        }
        throw notATemplate(
                doc,
                "neither a serverless.yml (service, resources) nor a"
                        + " CloudFormation template (Resources)");
    }

    /** The template in an in-memory tree (no source locations), named {@code source}. */
    public static Template of(java.nio.file.Path source, Map<String, Object> root) {
        return of(new YamlDocument(source, root, new cirrus.yaml.SourceMap(), List.of()));
    }

    static TemplateException notATemplate(YamlDocument doc, String why) {
        return new TemplateException(
                TemplateException.NOT_A_TEMPLATE,
                Location.of(doc.source()),
                "not a template: " + why,
                "pass the serverless.yml of a build or a CloudFormation template");
    }

    /**
     * Reads a {@code Resources} mapping into resource records: {@code values} is the mapping to
     * read, {@code located} the same mapping as loaded (for source locations; it differs from
     * {@code values} when variables were resolved into a copy).
     */
    static Map<String, Resource> resources(YamlDocument doc, Map<?, ?> located, Map<?, ?> values) {
        Map<String, Resource> result = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : values.entrySet()) {
            String id = String.valueOf(e.getKey());
            Location at = doc.locations().key(located, id).orElse(Location.of(doc.source()));
            if (!(e.getValue() instanceof Map<?, ?> body)
                    || !(body.get("Type") instanceof String)) {
                throw new TemplateException(
                        TemplateException.NOT_A_TEMPLATE,
                        at,
                        "resource '" + id + "' has no Type",
                        "every entry under Resources needs a Type and usually Properties");
            }
            result.put(id, resource(id, body, at));
        }
        return result;
    }

    @SuppressWarnings("unchecked")
    private static Resource resource(String id, Map<?, ?> body, Location at) {
        Map<String, Object> properties =
                body.get("Properties") instanceof Map<?, ?> p ? (Map<String, Object>) p : Map.of();
        Map<String, Object> attributes = new LinkedHashMap<>();
        body.forEach(
                (k, v) -> {
                    if (!k.equals("Type") && !k.equals("Properties")) {
                        attributes.put(String.valueOf(k), v);
                    }
                });
        return new Resource(id, (String) body.get("Type"), properties, attributes, at);
    }
}
