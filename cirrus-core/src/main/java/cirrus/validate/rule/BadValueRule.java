package cirrus.validate.rule;

import cirrus.validate.Findings;
import cirrus.validate.ProjectView;
import cirrus.validate.Rule;
import cirrus.validate.analysis.SchemaReport;
import cirrus.validate.schema.Violation;

/**
 * Schema: a value of the right type that AWS rejects: out of range ({@code timeout: 1000}), not in
 * the allowed set, or malformed (a logical id with a dash). The shipped JSON Schemas ({@code
 * cirrus.validate.schema.JsonSchema}) say what each key may hold.
 */
public final class BadValueRule implements Rule {
    @Override
    public void check(ProjectView project, Findings findings) {
        for (Violation v : SchemaReport.of(project).of(Violation.Kind.BAD_VALUE)) {
            findings.add(
                    v.location(),
                    v.message(),
                    v.hint() != null ? v.hint() : findings.rule().hint());
        }
    }
}
