package cirrus.plan.baseline;

import java.util.HashSet;
import java.util.Set;

import cirrus.diag.Location;
import cirrus.plan.template.Template;

/**
 * Refuses to compare templates of two different projects: their serverless {@code service} names
 * differ, or they have resources but not a single logical id in common (every cirrus project has
 * the builtin resources, so two builds of one project always share some).
 */
public final class ProjectMatch {
    private ProjectMatch() {}

    /** Throws {@link BaselineException#FOREIGN} when {@code baseline} is not from this project. */
    public static void require(Template baseline, Template current) {
        if (baseline.service().isPresent()
                && current.service().isPresent()
                && !baseline.service().equals(current.service())) {
            throw new BaselineException(
                    BaselineException.FOREIGN,
                    Location.of(baseline.source()),
                    "baseline is from project '"
                            + baseline.service().get()
                            + "', this project is '"
                            + current.service().get()
                            + "'",
                    "run 'cirrus plan --accept' in this project, or pass its own template with"
                            + " --against");
        }
        if (baseline.resources().isEmpty() || current.resources().isEmpty()) {
            return;
        }
        Set<String> common = new HashSet<>(baseline.resources().keySet());
        common.retainAll(current.resources().keySet());
        if (common.isEmpty()) {
            throw new BaselineException(
                    BaselineException.FOREIGN,
                    Location.of(baseline.source()),
                    "baseline shares no resource with this project's template: it is from"
                            + " another project",
                    "pass a template built from this project with --against");
        }
    }
}
