package cirrus.plan.rule;

import java.util.ArrayList;
import java.util.List;

import cirrus.plan.Action;
import cirrus.plan.Finding;
import cirrus.plan.Risk;
import cirrus.plan.Source;
import cirrus.plan.diff.Change;
import cirrus.plan.diff.ResourceChange;

/**
 * Row 21: {@code Priority} and {@code SchedulingPolicyArn} change the scheduling order in place;
 * {@code JobStateTimeLimitActions} cancels jobs that stay RUNNABLE too long.
 */
final class QueueSchedulingRule implements Rule {
    @Override
    public List<Finding> apply(ResourceChange change, PlanContext context) {
        if (change.kind() != ResourceChange.Kind.MODIFIED
                || !QueueReplacementRule.triggers(change).isEmpty()) {
            return List.of();
        }
        List<Finding> findings = new ArrayList<>();
        List<Change> order =
                change.changes(c -> c.under("Priority") || c.under("SchedulingPolicyArn"));
        if (!order.isEmpty()) {
            boolean policyRemoved =
                    order.stream().anyMatch(c -> c.under("SchedulingPolicyArn") && c.removed());
            findings.add(
                    Finding.about(change.logicalId(), change.type())
                            .rule("jq-scheduling", 21)
                            .action(Action.UPDATE)
                            .risk(policyRemoved ? Risk.WARNING : Risk.INFO)
                            .paths(Wording.paths(order))
                            .why(
                                    Wording.pathList(order)
                                            + Wording.verb(order, " changes", " change")
                                            + ": an update without interruption")
                            .impact(
                                    policyRemoved
                                            ? "the scheduling policy is removed (fair share to"
                                                    + " FIFO) on an existing queue: unverified"
                                            : "new scheduling order for waiting jobs")
                            .strategy("apply directly")
                            .sources(Source.CFN_JQ)
                            .build());
        }
        List<Change> limits = change.under("JobStateTimeLimitActions");
        if (!limits.isEmpty()) {
            findings.add(
                    Finding.about(change.logicalId(), change.type())
                            .rule("jq-time-limit", 21)
                            .action(Action.UPDATE)
                            .risk(Risk.WARNING)
                            .paths(Wording.paths(limits))
                            .why("JobStateTimeLimitActions changes: an update without interruption")
                            .impact(
                                    "jobs that stay RUNNABLE longer than MaxTimeSeconds (600 to"
                                            + " 86400 s) are cancelled")
                            .strategy("check MaxTimeSeconds against how long jobs may wait")
                            .sources(Source.CFN_JQ)
                            .build());
        }
        return findings;
    }
}
