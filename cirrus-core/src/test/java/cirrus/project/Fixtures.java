package cirrus.project;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import cirrus.diag.Diagnostic;
import cirrus.project.load.PluginDiscovery;
import cirrus.project.load.ProjectLoader;

/** Test fixtures: golden files and project directories from {@code src/test/resources}. */
public final class Fixtures {
    private Fixtures() {}

    /** The text of a test resource, e.g. {@code golden/expected-serverless.yml}. */
    public static String text(String resource) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/" + resource)) {
            if (in == null) {
                throw new IllegalStateException(
                        "missing test resource: create src/test/resources/" + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies {@code src/test/resources/projects/<name>} into {@code target} and returns it. */
    public static Path project(String name, Path target) {
        try {
            Path source = Path.of(Fixtures.class.getResource("/projects/" + name).toURI());
            try (Stream<Path> paths = Files.walk(source)) {
                for (Path p : paths.toList()) {
                    Path dest = target.resolve(source.relativize(p).toString());
                    if (Files.isDirectory(p)) {
                        Files.createDirectories(dest);
                    } else {
                        Files.copy(p, dest);
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

    /** A project opened with the built-in resources only, collecting warnings. */
    public static Loaded open(Path root) {
        List<Diagnostic> warnings = new ArrayList<>();
        Project project =
                ProjectLoader.open(
                        Optional.of(root),
                        PluginDiscovery.discover(
                                Optional.empty(),
                                root,
                                Fixtures.class.getClassLoader(),
                                warnings::add),
                        new PathDisplay(root),
                        warnings::add);
        return new Loaded(project, warnings);
    }

    /** A project and the warnings its loading produced so far. */
    public record Loaded(Project project, List<Diagnostic> warnings) {
        public List<String> warningMessages() {
            return warnings.stream().map(Diagnostic::message).toList();
        }
    }
}
