package cirrus.validate.rule;

import cirrus.validate.Findings;
import cirrus.validate.ProjectView;
import cirrus.validate.Rule;
import cirrus.validate.analysis.IamStatements;
import cirrus.validate.source.Node;

/**
 * IAM: an Allow statement with {@code Action: '*'} grants every action of every service ("grant
 * least privilege", IAM security best practices); a bug or a compromised dependency can then do
 * anything the account can.
 */
public final class ActionWildcardRule implements Rule {
    @Override
    public void check(ProjectView project, Findings findings) {
        for (IamStatements.Statement s : IamStatements.of(project).all()) {
            for (Node action : s.actions()) {
                String a = ((String) action.value()).trim();
                if (a.equals("*") || a.equals("*:*")) {
                    findings.add(
                            action.location(),
                            "a statement of "
                                    + s.owner()
                                    + " allows every action (Action: '"
                                    + a
                                    + "')");
                }
            }
        }
    }
}
