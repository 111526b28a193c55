package cirrus.validate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import cirrus.diag.Diagnostic;
import cirrus.diag.Location;
import cirrus.project.PathDisplay;
import cirrus.project.load.BuiltinResources;
import cirrus.project.load.DirectoryPlugin;
import cirrus.project.load.ResourcePlugin;

/**
 * A validation fixture ({@code src/test/resources/validate/...}) copied into a work directory and
 * validated as {@code cirrus validate} would, with its findings printed as the CLI prints them.
 */
final class FixtureProject {
    static final Path RESOURCES = resource("/validate");

    private FixtureProject() {}

    static Path resource(String name) {
        try {
            return Path.of(FixtureProject.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The fixture directories of one kind ({@code valid} or {@code invalid}), sorted. */
    static List<Path> cases(String kind) {
        try (Stream<Path> dirs = Files.list(RESOURCES.resolve(kind))) {
            return dirs.filter(Files::isDirectory).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The day fixtures are validated on unless they hold a {@code today.txt}. */
    static final LocalDate FIXTURE_TODAY = LocalDate.of(2026, 12, 8);

    /** Copies {@code base/} and then the case into {@code work}. */
    static Path prepare(Path fixture, Path work) {
        copy(RESOURCES.resolve("base"), work);
        copy(fixture, work);
        return work;
    }

    /** Validates the project in {@code root} (with {@code plugin/} as a plugin when present). */
    static Validation.Report validate(Path root, boolean includeBuiltins) {
        List<ResourcePlugin> plugins = new ArrayList<>();
        plugins.add(new BuiltinResources());
        Path plugin = root.resolve("plugin");
        if (Files.isDirectory(plugin)) {
            plugins.add(new DirectoryPlugin("fixture-plugin", plugin, "a fixture plugin"));
        }
        ValidationOptions options = ValidationOptions.DEFAULT;
        Path usage = root.resolve("account-usage.txt");
        if (Files.isRegularFile(usage)) {
            try {
                options = ValidationOptions.parseAccountUsage(Files.readString(usage));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        // the runtime deprecation rules compare with "today": fixtures see a fixed day, or the
        // one in their today.txt, so that they do not change as the calendar moves
        LocalDate today = FIXTURE_TODAY;
        Path day = root.resolve("today.txt");
        if (Files.isRegularFile(day)) {
            try {
                today = LocalDate.parse(Files.readString(day).strip());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        options = options.withToday(today);
        return Validation.run(root, plugins, new PathDisplay(root), options, includeBuiltins);
    }

    /** The findings as {@code cirrus validate} prints them, files relative to {@code root}. */
    static List<String> lines(Validation.Report report, Path root) {
        Path builtins = new BuiltinResources().root();
        List<String> lines = new ArrayList<>();
        for (Diagnostic d : report.findings()) {
            lines.add(line(d, root, builtins));
        }
        return lines;
    }

    static String line(Diagnostic d, Path root, Path builtins) {
        Location at = d.location();
        if (at != null) {
            if (at.file().getFileSystem().equals(builtins.getFileSystem())
                    && at.file().startsWith(builtins)) {
                at =
                        new Location(
                                Path.of("<built-in>")
                                        .resolve(builtins.relativize(at.file()).toString()),
                                at.line(),
                                at.column());
            } else {
                at = at.relativeTo(root);
            }
        }
        Diagnostic shown = new Diagnostic(d.code(), d.severity(), at, d.message(), d.hint());
        return shown.format().replaceAll("\\s*\\R\\s*", " ");
    }

    /** The golden file of an invalid case in the source tree, for updating. */
    static Optional<Path> sourceCopy(Path fixture) {
        Path source =
                Path.of("src/test/resources/validate")
                        .resolve(RESOURCES.relativize(fixture).toString());
        return Files.isDirectory(source) ? Optional.of(source) : Optional.empty();
    }

    static void copy(Path from, Path to) {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path p : paths.toList()) {
                Path dest = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(dest);
                } else if (!p.getFileName().toString().equals("expected.txt")) {
                    Files.createDirectories(dest.getParent());
                    Files.copy(p, dest, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
