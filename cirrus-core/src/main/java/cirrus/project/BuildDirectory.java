package cirrus.project;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The build output directory of a project, {@code <project>/.cirrus/build}.
 *
 * @param path the directory (it may not exist yet)
 */
public record BuildDirectory(Path path) {
    /** The build directory of the project rooted at {@code projectRoot}. */
    public static BuildDirectory of(Path projectRoot) {
        return new BuildDirectory(projectRoot.resolve(Project.BUILD_DIR));
    }

    /**
     * Deletes everything inside the directory and keeps (or creates) the directory itself. Symbolic
     * links are removed, never followed.
     */
    public void clean() throws IOException {
        Files.createDirectories(path);
        List<Path> entries;
        try (Stream<Path> list = Files.list(path)) {
            entries = list.toList();
        }
        for (Path entry : entries) {
            if (Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
                try (Stream<Path> tree = Files.walk(entry)) {
                    for (Path p : tree.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(p);
                    }
                }
            } else {
                Files.delete(entry);
            }
        }
    }
}
