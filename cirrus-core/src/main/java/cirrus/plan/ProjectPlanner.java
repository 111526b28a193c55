package cirrus.plan;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import cirrus.diag.Location;
import cirrus.plan.baseline.Baseline;
import cirrus.plan.baseline.ProjectMatch;
import cirrus.plan.template.Template;
import cirrus.plan.template.TemplateException;
import cirrus.plan.template.TemplateLoader;

/**
 * {@code cirrus plan} for a project: the build output in {@code .cirrus/build/} against the
 * baseline (or a template given with {@code --against}), after checking both belong to the same
 * project.
 */
public final class ProjectPlanner {
    /** The build directory, relative to the project. */
    public static final Path BUILD_DIR = Path.of(".cirrus", "build");

    private ProjectPlanner() {}

    /** The template {@code cirrus build} last wrote for the project in {@code root}. */
    public static Template built(Path root) {
        Path dir = root.resolve(BUILD_DIR);
        for (String name : TemplateLoader.FILE_NAMES) {
            if (Files.isRegularFile(dir.resolve(name))) {
                return TemplateLoader.load(dir.resolve(name));
            }
        }
        throw new TemplateException(
                TemplateException.NOT_FOUND,
                Location.of(dir),
                "no build output to plan",
                "run 'cirrus build' first");
    }

    /** The template to compare with: {@code against}, else the project's baseline. */
    public static Template previous(Path root, Optional<Path> against) {
        return against.map(TemplateLoader::load).orElseGet(() -> Baseline.load(root));
    }

    /** The plan for deploying {@code current} over {@code previous}, both of one project. */
    public static Plan plan(Template previous, Template current) {
        ProjectMatch.require(previous, current);
        return Planner.plan(previous, current);
    }
}
