package cirrus.compile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import cirrus.project.ComponentType;
import cirrus.project.PathDisplay;
import cirrus.project.Project;
import cirrus.project.load.BuiltinResources;
import cirrus.project.load.DirectoryPlugin;
import cirrus.project.load.ProjectLoader;
import cirrus.project.load.ResourcePlugin;
import cirrus.scaffold.ComponentScaffold;
import cirrus.scaffold.ProjectInitializer;
import cirrus.yaml.YamlLoader;

/** Real projects on disk for compiler tests: made by init/create, or copied from test resources. */
final class ProjectFixtures {
    private ProjectFixtures() {}

    /** {@code cirrus init} in {@code dir}. */
    static Path init(Path dir) throws IOException {
        Files.createDirectories(dir);
        ProjectInitializer.initialize(dir);
        return dir;
    }

    /** {@code cirrus create <type> name description} (tasks: lambda and/or batch). */
    static void create(
            Path project,
            ComponentType type,
            String name,
            String description,
            ComponentScaffold.TaskPart... parts)
            throws IOException {
        ComponentScaffold.create(
                project,
                new ComponentScaffold.Request(
                        type,
                        name,
                        description,
                        Set.of(
                                parts.length == 0
                                        ? new ComponentScaffold.TaskPart[] {
                                            ComponentScaffold.TaskPart.LAMBDA
                                        }
                                        : parts)),
                new PathDisplay(project),
                (dir, request) -> {});
    }

    /** Copies the test resource directory {@code /projects/<name>} into {@code target}. */
    static Path copy(String name, Path target) {
        try {
            Path source = Path.of(ProjectFixtures.class.getResource("/projects/" + name).toURI());
            try (Stream<Path> walk = Files.walk(source)) {
                for (Path p : walk.toList()) {
                    Path to = target.resolve(source.relativize(p).toString());
                    if (Files.isDirectory(p)) {
                        Files.createDirectories(to);
                    } else {
                        Files.createDirectories(to.getParent());
                        Files.copy(p, to, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The built-in resources plus {@code extra} plugins. */
    static List<ResourcePlugin> plugins(ResourcePlugin... extra) {
        List<ResourcePlugin> plugins = new ArrayList<>();
        plugins.add(new BuiltinResources());
        plugins.addAll(List.of(extra));
        return plugins;
    }

    /** The upstream test plugin ({@code cirrus-test-plugin}), copied under {@code dir}. */
    static ResourcePlugin upstreamTestPlugin(Path dir) {
        return new DirectoryPlugin(
                "cirrus-test-plugin", copy("upstream-plugin", dir), "A test plugin");
    }

    /** Loads and compiles the project in {@code root}. */
    static Compilation compile(Path root, CompileDiagnostics diagnostics, ResourcePlugin... extra) {
        Project project =
                ProjectLoader.open(
                        Optional.of(root), plugins(extra), new PathDisplay(root), diagnostics::add);
        return Compiler.compile(project, diagnostics);
    }

    /** A golden serverless.yml with the documented differences applied. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> normalisedGolden(String name) {
        Object tree = YamlLoader.loadString(YamlGolden.resource(name), Path.of(name)).root();
        return UpstreamDifferences.applyTo((Map<String, Object>) tree);
    }
}
