package cirrus.compile.cfn;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import cirrus.compile.Compilation;
import cirrus.compile.CompileDiagnostics;
import cirrus.compile.Compiler;
import cirrus.project.PathDisplay;
import cirrus.project.Project;
import cirrus.project.load.BuiltinResources;
import cirrus.project.load.DirectoryPlugin;
import cirrus.project.load.ProjectLoader;
import cirrus.project.load.ResourcePlugin;
import cirrus.scaffold.ProjectInitializer;

/**
 * Real projects on disk compiled to templates: made by init, with upstream's test plugin, or
 * examples.
 */
final class Projects {
    private Projects() {}

    /** {@code cirrus init} in {@code dir}. */
    static Path init(Path dir) throws IOException {
        Files.createDirectories(dir);
        ProjectInitializer.initialize(dir);
        return dir;
    }

    /** Upstream's test plugin ({@code tasks/test-batch-task}), copied under {@code dir}. */
    static ResourcePlugin upstreamTestPlugin(Path dir) {
        return new DirectoryPlugin(
                "cirrus-test-plugin", copy("/projects/upstream-plugin", dir), "A test plugin");
    }

    /** Compiles the project in {@code root} to a template (default stage and region). */
    static Templates.Compiled compile(Path root, ResourcePlugin... extra) {
        List<ResourcePlugin> plugins = new ArrayList<>();
        plugins.add(new BuiltinResources());
        plugins.addAll(List.of(extra));
        CompileDiagnostics diagnostics = new CompileDiagnostics();
        Project project =
                ProjectLoader.open(
                        Optional.of(root), plugins, new PathDisplay(root), diagnostics::add);
        Compilation compilation = Compiler.compile(project, diagnostics);
        if (diagnostics.hasErrors()) {
            return new Templates.Compiled(Optional.empty(), diagnostics.all());
        }
        Optional<StackTemplate> stack =
                CloudFormationTarget.compile(
                        compilation,
                        new CloudFormationTarget.Options(
                                Optional.empty(), Optional.empty(), Map.of()),
                        diagnostics);
        return new Templates.Compiled(stack, diagnostics.all());
    }

    /** The example projects of the repository ({@code examples/<name>/cirrus.yml}), if any. */
    static List<Path> examples() throws IOException {
        Path examples = Path.of("").toAbsolutePath().resolveSibling("examples");
        if (!Files.isDirectory(examples)) {
            return List.of();
        }
        try (Stream<Path> dirs = Files.list(examples)) {
            return dirs.filter(d -> Files.isRegularFile(d.resolve("cirrus.yml"))).sorted().toList();
        }
    }

    /** Copies the test resource directory {@code resource} to {@code target}. */
    static Path copy(String resource, Path target) {
        try {
            Path source = Path.of(Projects.class.getResource(resource).toURI());
            try (Stream<Path> walk = Files.walk(source)) {
                for (Path p : walk.toList()) {
                    Path to = target.resolve(source.relativize(p).toString());
                    if (Files.isDirectory(p)) {
                        Files.createDirectories(to);
                    } else {
                        Files.copy(p, to, StandardCopyOption.REPLACE_EXISTING);
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
}
