package cirrus.scaffold;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import cirrus.project.ComponentType;
import cirrus.project.PathDisplay;
import cirrus.project.ProjectException;

/**
 * {@code cirrus create <type> NAME DESCRIPTION}: writes a new component from the templates of
 * cirrus v0.15.4 (definition, handler, README), with valid CloudFormation logical ids in Batch
 * resources. All files are written into a hidden temporary directory next to the target, checked,
 * and then renamed into place, so a failure leaves nothing behind.
 */
public final class ComponentScaffold {
    /** Error code: a component directory of that name already exists. */
    public static final String EXISTS = "CIRRUS-C001";

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]*");

    /** The parts a task can have; functions and feeders are always Lambda. */
    public enum TaskPart {
        LAMBDA,
        BATCH
    }

    /**
     * What to create.
     *
     * @param type the component type
     * @param name the component (and directory) name; see {@link #isValidName}
     * @param description one line, written into the definition
     * @param parts for tasks: Lambda and/or Batch (at least one); ignored for other types
     */
    public record Request(
            ComponentType type, String name, String description, Set<TaskPart> parts) {
        public Request {
            if (!isValidName(name)) {
                throw new IllegalArgumentException("invalid component name: " + name);
            }
            parts = type == ComponentType.TASK ? Set.copyOf(parts) : Set.of(TaskPart.LAMBDA);
            if (parts.isEmpty()) {
                throw new IllegalArgumentException("a task needs a lambda or batch part");
            }
        }
    }

    /** Checks a freshly written component directory; throws to reject it. */
    @FunctionalInterface
    public interface Check {
        void check(Path componentDir, Request request) throws IOException;
    }

    private ComponentScaffold() {}

    /**
     * True if {@code name} can name a component: letters, digits, {@code _} and {@code -}, starting
     * with a letter or digit (names become directory names, Lambda function names and parts of
     * CloudFormation names).
     */
    public static boolean isValidName(String name) {
        return name != null && NAME.matcher(name).matches();
    }

    /**
     * Creates the component in {@code projectDir} and returns its directory.
     *
     * @throws ProjectException {@link #EXISTS} if the directory exists; whatever {@code check}
     *     throws if it rejects the result
     */
    public static Path create(Path projectDir, Request request, PathDisplay display, Check check)
            throws IOException {
        Path groupDir = projectDir.resolve(request.type().groupName());
        Path target = groupDir.resolve(request.name());
        if (Files.exists(target)) {
            throw exists(request, target, display);
        }
        boolean createdGroupDir = !Files.isDirectory(groupDir);
        Files.createDirectories(groupDir);
        Path staging =
                Files.createDirectory(
                        groupDir.resolve("." + request.name() + ".creating-" + UUID.randomUUID()));
        boolean done = false;
        try {
            for (Map.Entry<String, String> file : files(request).entrySet()) {
                Files.write(
                        staging.resolve(file.getKey()),
                        file.getValue().getBytes(StandardCharsets.UTF_8));
            }
            check.check(staging, request);
            try {
                Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException e) {
                throw exists(request, target, display);
            }
            done = true;
            return target;
        } finally {
            if (!done) {
                deleteTree(staging);
                if (createdGroupDir) {
                    Files.deleteIfExists(groupDir);
                }
            }
        }
    }

    /** The files of a new component, file name to content, in writing order. */
    static Map<String, String> files(Request request) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("name", request.name());
        values.put("type", request.type().typeName());
        values.put("description", YamlText.scalar(request.description()));
        values.put("id", LogicalId.of(request.name()));
        Map<String, String> files = new LinkedHashMap<>();
        if (request.type() == ComponentType.WORKFLOW) {
            files.put("definition.yml", Template.render("create/workflow-definition.yml", values));
        } else {
            StringBuilder definition =
                    new StringBuilder(Template.render("create/definition-base.yml", values));
            if (request.parts().contains(TaskPart.LAMBDA)) {
                definition.append(Template.render("create/definition-lambda.yml", values));
            }
            if (request.parts().contains(TaskPart.BATCH)) {
                definition.append(Template.render("create/definition-batch.yml", values));
            }
            files.put("definition.yml", definition.toString());
            if (request.parts().contains(TaskPart.LAMBDA)) {
                files.put(
                        "lambda_function.py", Template.render("create/lambda_function.py", values));
            }
        }
        files.put("README.md", Template.render("create/README.md", values));
        return files;
    }

    private static ProjectException exists(Request request, Path target, PathDisplay display) {
        return new ProjectException(
                EXISTS,
                "Cannot create "
                        + request.type().title()
                        + " at '"
                        + display.show(target)
                        + "': already exists.");
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
