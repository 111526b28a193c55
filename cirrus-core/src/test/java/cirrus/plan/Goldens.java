package cirrus.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Golden files under {@code src/test/resources}: compares output with a stored expectation and,
 * when the expectation is missing, fails with the path to create and the text to put there. Run the
 * tests with {@code -Dcirrus.golden.update=true} to (re)write the expectations.
 */
final class Goldens {
    private Goldens() {}

    /** The directory of test resource {@code name} (it must exist). */
    static Path resource(String name) {
        try {
            var url = Goldens.class.getClassLoader().getResource(name);
            if (url == null) {
                throw new IllegalStateException("missing test resource " + name);
            }
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The sub-directories of {@code dir}, sorted. */
    static List<Path> cases(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isDirectory).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file in {@code dir} whose name starts with {@code prefix} ({@code before}). */
    static Path entry(Path dir, String prefix) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().startsWith(prefix))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no " + prefix + "* in " + dir));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Asserts that {@code actual} equals the golden file {@code name} in test resource directory
     * {@code dir} (e.g. {@code plan/row01-jd-pinned}).
     */
    static void assertGolden(String dir, String name, String actual) {
        String relative = "src/test/resources/" + dir + "/" + name;
        Path source = Path.of(System.getProperty("basedir", ".")).resolve(relative);
        if (Boolean.getBoolean("cirrus.golden.update")) {
            write(source, actual);
            return;
        }
        Path golden = resource(dir).resolve(name);
        if (!Files.exists(golden)) {
            fail("golden file missing: create " + relative + " with:\n" + actual);
        }
        try {
            assertThat(actual)
                    .as("output differs from " + relative)
                    .isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
