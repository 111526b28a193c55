package cirrus.cli.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the project of a running {@code cirrus serve} for the payload client commands (which have
 * no {@link cirrus.cli.CliContext}): {@code $CIRRUS_DIR}, else the nearest directory upwards from
 * the current one that holds a {@code cirrus.yml}.
 */
public final class LocalProject {
    private LocalProject() {}

    /**
     * The project directory.
     *
     * @throws LocalCommandException when there is no project
     */
    public static Path locate(Optional<Path> explicit) {
        if (explicit.isPresent()) {
            Path dir = explicit.get().toAbsolutePath().normalize();
            if (!Files.isRegularFile(dir.resolve("cirrus.yml"))
                    && !Files.isRegularFile(buildFile(dir))) {
                throw new LocalCommandException(dir + " is not a cirrus project (no cirrus.yml)");
            }
            return dir;
        }
        String env = System.getenv("CIRRUS_DIR");
        if (env != null && !env.isBlank()) {
            return locate(Optional.of(Path.of(env)));
        }
        Path dir = Path.of("").toAbsolutePath();
        for (Path d = dir; d != null; d = d.getParent()) {
            if (Files.isRegularFile(d.resolve("cirrus.yml"))) {
                return d;
            }
        }
        throw new LocalCommandException(
                "no cirrus project here: no cirrus.yml in "
                        + dir
                        + " or above (use --url or --state-dir)");
    }

    /** The compiled serverless.yml of a project. */
    public static Path buildFile(Path project) {
        return project.resolve(".cirrus/build/serverless.yml");
    }
}
