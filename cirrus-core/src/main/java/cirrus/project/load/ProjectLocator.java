package cirrus.project.load;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import cirrus.project.Project;
import cirrus.project.ProjectException;

/**
 * Finds the project a command works on. An explicitly chosen directory ({@code --cirrus-dir} or
 * {@code CIRRUS_DIR}) must contain a regular file {@code cirrus.yml}; otherwise the working
 * directory and then each of its parents is tried, and the first one containing {@code cirrus.yml}
 * is the project. No match means "no project": {@code show} then lists built-in and plugin
 * components only.
 */
public final class ProjectLocator {
    /** Error code: an explicitly chosen directory is not a project. */
    public static final String NOT_A_PROJECT = "CIRRUS-P050";

    private ProjectLocator() {}

    /**
     * The project root for {@code explicit} (if present) or else the nearest {@code cirrus.yml} at
     * or above {@code workingDirectory}.
     *
     * @throws ProjectException {@link #NOT_A_PROJECT} if {@code explicit} has no {@code cirrus.yml}
     */
    public static Optional<Path> locate(Path workingDirectory, Optional<Path> explicit) {
        if (explicit.isPresent()) {
            Path dir = explicit.get().toAbsolutePath().normalize();
            if (!isProject(dir)) {
                throw new ProjectException(
                        NOT_A_PROJECT,
                        "Cannot set project path, does not appear to be valid project: '"
                                + dir
                                + "'");
            }
            return Optional.of(dir);
        }
        for (Path dir = workingDirectory.toAbsolutePath().normalize();
                dir != null;
                dir = dir.getParent()) {
            if (isProject(dir)) {
                return Optional.of(dir);
            }
        }
        return Optional.empty();
    }

    /** True if {@code dir} contains a regular file {@code cirrus.yml}. */
    public static boolean isProject(Path dir) {
        return Files.isRegularFile(dir.resolve(Project.CONFIG_FILE));
    }
}
