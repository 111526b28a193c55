package cirrus.validate;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import cirrus.compile.Compilation;
import cirrus.diag.Diagnostic;
import cirrus.diag.Severity;
import cirrus.project.Project;
import cirrus.validate.source.Sources;

/**
 * Runs every rule of {@link RuleCatalog} over a compiled project and returns what they found, in
 * rule order. A rule that fails (a bug) is reported as {@value RuleCatalog#INTERNAL_ERROR} and the
 * other rules still run; a rule that needs the whole project is skipped when part of it could not
 * be loaded.
 */
public final class Validator {
    private final ValidationOptions options;
    private final Map<RuleCatalog, Long> nanos = new EnumMap<>(RuleCatalog.class);

    public Validator(ValidationOptions options) {
        this.options = options;
    }

    /** The findings about {@code project}, compiled as {@code compilation}. */
    public List<Diagnostic> validate(Project project, Compilation compilation) {
        Sources sources = new Sources();
        ProjectView view = new ProjectView(project, compilation, options, sources);
        List<Diagnostic> all = new ArrayList<>();
        boolean complete = view.complete();
        for (RuleCatalog entry : RuleCatalog.values()) {
            if (entry.needsCompleteProject() && !complete) {
                continue;
            }
            long start = System.nanoTime();
            Findings findings = new Findings(entry);
            try {
                entry.rule().check(view, findings);
                all.addAll(findings.all());
            } catch (RuntimeException | StackOverflowError e) {
                all.add(
                        new Diagnostic(
                                RuleCatalog.INTERNAL_ERROR,
                                Severity.ERROR,
                                null,
                                "rule "
                                        + entry.code()
                                        + " failed on this project: "
                                        + e
                                        + "; please report this bug",
                                null));
            }
            nanos.merge(entry, System.nanoTime() - start, Long::sum);
        }
        all.addAll(sources.errors());
        return all;
    }

    /** The time each rule took in the runs so far, in nanoseconds. */
    public Map<RuleCatalog, Long> timings() {
        return Map.copyOf(nanos);
    }
}
