package cirrus.local.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import cirrus.diag.Diagnostic;
import cirrus.resolve.Origins;

/**
 * The project's local-engine settings, read from {@code custom.local} in {@code cirrus.yml} (which
 * serverless ignores):
 *
 * <pre>
 * custom:
 *   local:
 *     stateDir: .cirrus/local          # where state.db, buckets/ and logs/ live
 *     python: python3                  # the interpreter for Python handlers
 *     javaClasspath:                   # jars or directories holding Java handler/task classes
 *       - tasks/my-task/target/my-task.jar
 *     images:                          # Batch container image -&gt; local command
 *       cirrusgeo/run-geolambda:0.2.1: [python3, bin/run.py]     # entrypoint shorthand
 *       "123456789012.dkr.ecr.*.amazonaws.com/reproject:*":
 *         entrypoint: []               # run the job's Command as is
 *         workdir: tasks/reproject
 *         environment: {GDAL_CACHEMAX: "512"}
 *       my-java-task:latest:
 *         java: com.example.MyTask     # run in-process by the builtin Java runner
 * </pre>
 *
 * @param stateDirectory where local state lives, relative to the project; empty for the default
 * @param python the Python interpreter command
 * @param javaClasspath jars and directories with Java handler and task classes, relative to the
 *     project
 * @param images how Batch images run locally, in file order
 */
public record LocalSettings(
        Optional<String> stateDirectory,
        String python,
        List<String> javaClasspath,
        List<ImageCommand> images) {
    /** The default state directory, relative to the project. */
    public static final String DEFAULT_STATE_DIRECTORY = ".cirrus/local";

    public LocalSettings {
        Objects.requireNonNull(stateDirectory, "stateDirectory");
        Objects.requireNonNull(python, "python");
        javaClasspath = List.copyOf(javaClasspath);
        images = List.copyOf(images);
    }

    /** The settings of a project without {@code custom.local}. */
    public static LocalSettings defaults() {
        return new LocalSettings(Optional.empty(), "python3", List.of(), List.of());
    }

    /** How {@code image} runs locally: the first exact match, else the first matching pattern. */
    public Optional<ImageCommand> imageCommand(String image) {
        return images.stream()
                .filter(i -> i.image().equals(image))
                .findFirst()
                .or(() -> images.stream().filter(i -> i.matches(image)).findFirst());
    }

    /** Reads {@code custom.local}; problems are added to {@code errors}. */
    static LocalSettings parse(Object node, Origins origins, List<Diagnostic> errors) {
        if (node == null) {
            return defaults();
        }
        Parser p = new Parser(origins, errors);
        if (!(node instanceof Map<?, ?> m)) {
            p.error(node, null, "custom.local must be a mapping");
            return defaults();
        }
        Optional<String> stateDir = Optional.ofNullable(p.string(m, "stateDir"));
        String python = Optional.ofNullable(p.string(m, "python")).orElse("python3");
        List<String> classpath = p.strings(m, "javaClasspath");
        List<ImageCommand> images = new ArrayList<>();
        Object imagesNode = m.get("images");
        if (imagesNode instanceof Map<?, ?> im) {
            for (Map.Entry<?, ?> e : im.entrySet()) {
                p.image(im, String.valueOf(e.getKey()), e.getValue()).ifPresent(images::add);
            }
        } else if (imagesNode != null) {
            p.error(m, "images", "custom.local.images must map image names to commands");
        }
        for (Object key : m.keySet()) {
            if (!List.of("stateDir", "python", "javaClasspath", "images").contains(key)) {
                p.unknownKey(
                        m,
                        key,
                        "unknown setting custom.local."
                                + key
                                + " (known: stateDir, python, javaClasspath, images)");
            }
        }
        return new LocalSettings(stateDir, python, classpath, images);
    }

    private record Parser(Origins origins, List<Diagnostic> errors) {
        void unknownKey(Map<?, ?> map, Object key, String message) {
            errors.add(
                    Diagnostic.error(
                            ModelException.BAD_SETTING,
                            origins.key(map, String.valueOf(key)).orElse(null),
                            message));
        }

        void error(Object parent, Object key, String message) {
            errors.add(
                    Diagnostic.error(
                            ModelException.BAD_SETTING,
                            origins.child(parent, key).orElse(null),
                            message));
        }

        String string(Map<?, ?> m, String key) {
            Object v = m.get(key);
            if (v == null || v instanceof String) {
                return (String) v;
            }
            error(m, key, "custom.local." + key + " must be a string");
            return null;
        }

        List<String> strings(Map<?, ?> m, String key) {
            Object v = m.get(key);
            if (v == null) {
                return List.of();
            }
            if (v instanceof List<?> l && l.stream().allMatch(String.class::isInstance)) {
                return l.stream().map(String.class::cast).toList();
            }
            error(m, key, key + " must be a list of strings");
            return List.of();
        }

        Optional<ImageCommand> image(Map<?, ?> images, String image, Object spec) {
            if (spec instanceof List<?> l && l.stream().allMatch(String.class::isInstance)) {
                return Optional.of(
                        new ImageCommand(
                                image,
                                strings(images, image),
                                Optional.empty(),
                                Map.of(),
                                Optional.empty()));
            }
            if (!(spec instanceof Map<?, ?> m)) {
                error(
                        images,
                        image,
                        "image '"
                                + image
                                + "' must map to a command list or to {entrypoint, workdir,"
                                + " environment, java}");
                return Optional.empty();
            }
            Map<String, String> env = new LinkedHashMap<>();
            if (m.get("environment") instanceof Map<?, ?> em) {
                em.forEach((k, v) -> env.put(String.valueOf(k), String.valueOf(v)));
            } else if (m.containsKey("environment")) {
                error(m, "environment", "environment must be a mapping");
            }
            for (Object key : m.keySet()) {
                if (!List.of("entrypoint", "workdir", "environment", "java").contains(key)) {
                    unknownKey(
                            m,
                            key,
                            "unknown image setting '"
                                    + key
                                    + "' (known: entrypoint, workdir, environment, java)");
                }
            }
            return Optional.of(
                    new ImageCommand(
                            image,
                            strings(m, "entrypoint"),
                            Optional.ofNullable(string(m, "workdir")),
                            env,
                            Optional.ofNullable(string(m, "java"))));
        }
    }
}
