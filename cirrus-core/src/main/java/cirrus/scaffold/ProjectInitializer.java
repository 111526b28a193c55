package cirrus.scaffold;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import cirrus.project.ComponentType;
import cirrus.project.Project;

/**
 * {@code cirrus init}: makes a directory a cirrus project. Writes {@code cirrus.yml}, {@code
 * package.json} and {@code .gitignore} (each only if absent), creates the component group
 * directories and {@code cloudformation/} with the {@code s3.yml} and {@code vpc.yml} templates
 * (only if absent). Running it again changes nothing. Every file is written atomically.
 */
public final class ProjectInitializer {
    private static final List<String[]> TOP_LEVEL_FILES =
            List.of(
                    new String[] {Project.CONFIG_FILE, "init/cirrus.yml"},
                    new String[] {"package.json", "init/package.json"},
                    new String[] {".gitignore", "init/gitignore"});

    private static final List<String> CLOUDFORMATION_TEMPLATES = List.of("s3.yml", "vpc.yml");

    private ProjectInitializer() {}

    /**
     * The outcome of {@link #initialize}.
     *
     * @param directory the project directory, absolute
     * @param skipped the top-level files that already existed and were left alone, in order
     */
    public record Result(Path directory, List<String> skipped) {
        public Result {
            skipped = List.copyOf(skipped);
        }
    }

    /** Initialises {@code directory}, which must exist and be a directory. */
    public static Result initialize(Path directory) throws IOException {
        Path dir = directory.toAbsolutePath().normalize();
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("not a directory: " + dir);
        }
        List<String> skipped = new ArrayList<>();
        for (String[] file : TOP_LEVEL_FILES) {
            Path target = dir.resolve(file[0]);
            if (Files.exists(target)) {
                skipped.add(file[0]);
            } else {
                AtomicFiles.write(target, Template.bytes(file[1]));
            }
        }
        for (ComponentType type : ComponentType.values()) {
            Files.createDirectories(dir.resolve(type.groupName()));
        }
        Path cloudformation = Files.createDirectories(dir.resolve(Project.CLOUDFORMATION_DIR));
        for (String name : CLOUDFORMATION_TEMPLATES) {
            Path target = cloudformation.resolve(name);
            if (!Files.exists(target)) {
                AtomicFiles.write(target, Template.bytes("init/" + name));
            }
        }
        return new Result(dir, skipped);
    }
}
