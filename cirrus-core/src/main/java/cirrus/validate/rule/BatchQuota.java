package cirrus.validate.rule;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import cirrus.validate.DeployedObject;
import cirrus.validate.Findings;
import cirrus.validate.ProjectView;

/** The per-account count shared by the compute environment and job queue quota rules. */
final class BatchQuota {
    static final int QUOTA = 50;

    private BatchQuota() {}

    /**
     * Reports once, at the first resource beyond the quota, when the stack's resources plus those
     * already in the account exceed it.
     */
    static void check(
            ProjectView project,
            Collection<DeployedObject> resources,
            int inAccount,
            String what,
            Findings findings) {
        int total = resources.size() + inAccount;
        if (total <= QUOTA) {
            return;
        }
        List<DeployedObject> list = new ArrayList<>(resources);
        int firstOver = Math.max(0, QUOTA - inAccount);
        DeployedObject at = list.get(Math.min(firstOver, list.size() - 1));
        findings.add(
                at.node().keyLocation(),
                total
                        + " "
                        + what
                        + " ("
                        + resources.size()
                        + " in this stack"
                        + (inAccount > 0 ? " + " + inAccount + " already in the account" : "")
                        + ") exceed the AWS Batch quota of "
                        + QUOTA
                        + " per account and Region; '"
                        + at.name()
                        + "' is number "
                        + (firstOver + 1 + inAccount));
    }
}
