package cirrus.validate.rule;

import cirrus.validate.Findings;
import cirrus.validate.ProjectView;
import cirrus.validate.Rule;
import cirrus.validate.analysis.Reference;
import cirrus.validate.analysis.References;

/**
 * References: outside state machine definitions nothing replaces {@code #{X}} (cirrus converts only
 * {@code #{AWS::X}}, and serverless-step-functions only looks inside definitions), so the text
 * {@code #{X}} would reach AWS as it is.
 */
public final class StrayPlaceholderRule implements Rule {
    @Override
    public void check(ProjectView project, Findings findings) {
        for (Reference r : References.of(project).of(Reference.Kind.PLACEHOLDER)) {
            if (r.inDefinition() || r.target().startsWith("AWS::")) {
                continue;
            }
            findings.add(
                    r.node().location(),
                    "#{" + r.target() + "} is not replaced here and reaches AWS as text",
                    "use !Ref " + r.target() + " or !Sub '${" + r.target() + "}'");
        }
    }
}
