package cirrus.validate.rule;

import cirrus.validate.Findings;
import cirrus.validate.ProjectView;
import cirrus.validate.Rule;
import cirrus.validate.analysis.SchemaReport;
import cirrus.validate.schema.Violation;

/**
 * Schema: a key the schema requires ({@code service} and {@code provider} in {@code cirrus.yml},
 * {@code definition} in a workflow, {@code Type} of a resource, {@code Effect} of an IAM
 * statement). The shipped JSON Schemas ({@code cirrus.validate.schema.JsonSchema}) say what each
 * key may hold.
 */
public final class MissingKeyRule implements Rule {
    @Override
    public void check(ProjectView project, Findings findings) {
        for (Violation v : SchemaReport.of(project).of(Violation.Kind.MISSING_KEY)) {
            findings.add(
                    v.location(),
                    v.message(),
                    v.hint() != null ? v.hint() : findings.rule().hint());
        }
    }
}
