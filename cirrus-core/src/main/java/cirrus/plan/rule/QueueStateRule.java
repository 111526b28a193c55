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
 * Row 22: a job queue set to {@code DISABLED} refuses new jobs (Step Functions submits included)
 * while the jobs already in it finish.
 */
final class QueueStateRule implements Rule {
    @Override
    public List<Finding> apply(ResourceChange change, PlanContext context) {
        if (change.kind() != ResourceChange.Kind.MODIFIED
                || !QueueReplacementRule.triggers(change).isEmpty()) {
            return List.of();
        }
        List<Change> state = change.under("State");
        if (state.isEmpty()) {
            return List.of();
        }
        Finding.Builder finding =
                Finding.about(change.logicalId(), change.type())
                        .rule("jq-state", 22)
                        .action(Action.UPDATE)
                        .paths(Wording.paths(state))
                        .sources(Source.CFN_JQ);
        if (!"DISABLED".equals(change.after().text("State").orElse("ENABLED"))) {
            return List.of(
                    finding.risk(Risk.INFO)
                            .why("State changes to ENABLED: the queue accepts jobs again")
                            .impact("none")
                            .strategy("apply directly")
                            .build());
        }
        List<String> workflows = new ArrayList<>(context.oldStateMachinesUsing(change.logicalId()));
        for (String sm : context.newStateMachinesUsing(change.logicalId())) {
            if (!workflows.contains(sm)) {
                workflows.add(sm);
            }
        }
        return List.of(
                finding.risk(workflows.isEmpty() ? Risk.WARNING : Risk.BREAKING)
                        .why(
                                "State changes to DISABLED: new jobs cannot be submitted; jobs"
                                        + " already in the queue finish")
                        .impact(
                                workflows.isEmpty()
                                        ? "submissions to the queue fail"
                                        : "the Batch steps of "
                                                + Wording.stateMachines(workflows)
                                                + " fail to submit jobs")
                        .strategy("disable a queue only to drain it before deleting it")
                        .build());
    }
}
