package cirrus.validate.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import cirrus.diag.DiagnosticException;
import cirrus.project.CloudFormationObject;
import cirrus.project.Component;
import cirrus.project.ComponentFile;
import cirrus.project.ComponentType;
import cirrus.project.Project;
import cirrus.validate.ProjectView;
import cirrus.validate.schema.JsonSchema;
import cirrus.validate.schema.SchemaChecker;
import cirrus.validate.schema.Violation;
import cirrus.validate.source.Node;

/**
 * Every project file checked against its schema: {@code cirrus.yml}, each component's {@code
 * definition.yml} (the project's own, found on disk even when its group could not be loaded, and
 * those of plugins and built-ins) and each {@code cloudformation/*.yml}. The four schema rules
 * report the violations of their kind.
 */
public final class SchemaReport {
    private final List<Violation> violations;

    private SchemaReport(List<Violation> violations) {
        this.violations = List.copyOf(violations);
    }

    /** The report for {@code view} (shared through {@link ProjectView#analysis}). */
    public static SchemaReport of(ProjectView view) {
        return view.analysis(SchemaReport.class, SchemaReport::check);
    }

    /** The violations of one kind. */
    public List<Violation> of(Violation.Kind kind) {
        return violations.stream().filter(v -> v.kind() == kind).toList();
    }

    private static SchemaReport check(ProjectView view) {
        Map<Path, String> files = new LinkedHashMap<>();
        Project project = view.project();
        project.config().file().ifPresent(f -> files.put(f, JsonSchema.CIRRUS_YML));
        project.root().ifPresent(root -> projectFiles(root, files));
        for (ComponentType type : ComponentType.values()) {
            try {
                for (Component c : project.components(type)) {
                    files.putIfAbsent(
                            c.info().directory().resolve(ComponentFile.DEFINITION), schema(type));
                }
            } catch (DiagnosticException e) {
                // the loader reported it; the project's own files were found on disk above
            }
        }
        try {
            for (CloudFormationObject o : project.cloudFormation()) {
                if (o.file() != null && o.task().isEmpty()) {
                    files.putIfAbsent(o.file(), JsonSchema.CLOUDFORMATION);
                }
            }
        } catch (DiagnosticException e) {
            // reported by the loader
        }
        view.sources().preload(List.copyOf(files.keySet()));
        List<Violation> all = new ArrayList<>();
        files.forEach(
                (file, schema) -> {
                    Node root = view.sources().root(file).orElse(null);
                    if (root != null && root.value() != null) {
                        all.addAll(SchemaChecker.check(root, schema));
                    }
                });
        return new SchemaReport(all);
    }

    private static String schema(ComponentType type) {
        return switch (type) {
            case FUNCTION, FEEDER -> JsonSchema.FUNCTION;
            case TASK -> JsonSchema.TASK;
            case WORKFLOW -> JsonSchema.WORKFLOW;
        };
    }

    /** The project's component definitions and CloudFormation files, as found on disk. */
    private static void projectFiles(Path root, Map<Path, String> files) {
        for (ComponentType type : ComponentType.values()) {
            for (Path dir : list(root.resolve(type.groupName()))) {
                Path definition = dir.resolve(ComponentFile.DEFINITION);
                if (Files.isRegularFile(definition)) {
                    files.put(definition, schema(type));
                }
            }
        }
        for (Path file : list(root.resolve(Project.CLOUDFORMATION_DIR))) {
            String name = file.getFileName().toString();
            if (name.endsWith(".yml") && Files.isRegularFile(file)) {
                files.put(file, JsonSchema.CLOUDFORMATION);
            }
        }
    }

    private static List<Path> list(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
