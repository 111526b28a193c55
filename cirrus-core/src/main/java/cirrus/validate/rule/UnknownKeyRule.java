package cirrus.validate.rule;

import cirrus.validate.Findings;
import cirrus.validate.ProjectView;
import cirrus.validate.Rule;
import cirrus.validate.analysis.SchemaReport;
import cirrus.validate.schema.Violation;

/**
 * Schema: a key the schema does not know (a misspelling the build would silently ignore), or one it
 * knows to be ignored (the top-level {@code iamRoleStatements} that {@code cirrus create} writes).
 * The shipped JSON Schemas ({@code cirrus.validate.schema.JsonSchema}) say what each key may hold.
 */
public final class UnknownKeyRule implements Rule {
    @Override
    public void check(ProjectView project, Findings findings) {
        for (Violation v : SchemaReport.of(project).of(Violation.Kind.UNKNOWN_KEY)) {
            findings.add(
                    v.location(),
                    v.message(),
                    v.hint() != null ? v.hint() : findings.rule().hint());
        }
    }
}
