package cirrus.validate.rule;

import cirrus.validate.Findings;
import cirrus.validate.ProjectView;
import cirrus.validate.Rule;
import cirrus.validate.analysis.SchemaReport;
import cirrus.validate.schema.Violation;

/**
 * Schema: a value of the wrong type: a string where a number is needed, a list where a mapping is
 * (a {@code lambda: true} the build would silently drop). The shipped JSON Schemas ({@code
 * cirrus.validate.schema.JsonSchema}) say what each key may hold.
 */
public final class WrongTypeRule implements Rule {
    @Override
    public void check(ProjectView project, Findings findings) {
        for (Violation v : SchemaReport.of(project).of(Violation.Kind.WRONG_TYPE)) {
            findings.add(
                    v.location(),
                    v.message(),
                    v.hint() != null ? v.hint() : findings.rule().hint());
        }
    }
}
