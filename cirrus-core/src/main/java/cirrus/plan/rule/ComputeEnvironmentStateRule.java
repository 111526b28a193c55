package cirrus.plan.rule;

import java.util.ArrayList;
import java.util.List;

import cirrus.plan.Action;
import cirrus.plan.Finding;
import cirrus.plan.Risk;
import cirrus.plan.Source;
import cirrus.plan.diff.Change;
import cirrus.plan.diff.ResourceChange;
import cirrus.plan.template.ReferenceIndex;
import cirrus.plan.template.Resource;
import cirrus.plan.template.ResourceTypes;

/**
 * Row 8: a compute environment set to {@code DISABLED} lets STARTING and RUNNING jobs finish but no
 * longer scales out; a queue whose only enabled compute environment it is stalls.
 */
final class ComputeEnvironmentStateRule implements Rule {
    @Override
    public List<Finding> apply(ResourceChange change, PlanContext context) {
        if (change.kind() != ResourceChange.Kind.MODIFIED
                || !ComputeEnvironmentReplacementRule.triggers(change).isEmpty()) {
            return List.of();
        }
        List<Change> state = change.under("State");
        if (state.isEmpty()) {
            return List.of();
        }
        Finding.Builder finding =
                Finding.about(change.logicalId(), change.type())
                        .rule("ce-state", 8)
                        .action(Action.UPDATE)
                        .paths(Wording.paths(state))
                        .sources(Source.CFN_CE);
        if (!"DISABLED".equals(change.after().text("State").orElse("ENABLED"))) {
            return List.of(
                    finding.risk(Risk.INFO)
                            .why("State changes to ENABLED: the compute environment scales again")
                            .impact("none")
                            .strategy("apply directly")
                            .build());
        }
        List<String> stalled = stalledQueues(change.logicalId(), context);
        return List.of(
                finding.risk(stalled.isEmpty() ? Risk.WARNING : Risk.BREAKING)
                        .why(
                                "State changes to DISABLED: STARTING and RUNNING jobs continue,"
                                        + " but the compute environment no longer scales out")
                        .impact(
                                stalled.isEmpty()
                                        ? "its queues place new jobs on their other compute"
                                                + " environments"
                                        : "it is the only enabled compute environment of "
                                                + Wording.list(stalled)
                                                + ": new jobs there stay RUNNABLE and the queue"
                                                + " stalls")
                        .strategy(
                                "disable it only after another compute environment serves its"
                                        + " queues")
                        .build());
    }

    /** Enabled queues of the new template that have no other enabled compute environment. */
    private static List<String> stalledQueues(String ce, PlanContext context) {
        List<String> stalled = new ArrayList<>();
        for (ReferenceIndex.Use use : context.afterRefs().to(ce)) {
            Resource queue = context.after().resource(use.from()).orElse(null);
            if (queue == null
                    || !queue.type().equals(ResourceTypes.JOB_QUEUE)
                    || "DISABLED".equals(queue.text("State").orElse("ENABLED"))
                    || stalled.contains(queue.logicalId())) {
                continue;
            }
            boolean other = false;
            for (var ref : context.afterRefs().from(queue.logicalId())) {
                Resource target = context.after().resource(ref.target()).orElse(null);
                if (!ref.target().equals(ce)
                        && target != null
                        && target.type().equals(ResourceTypes.COMPUTE_ENVIRONMENT)
                        && !"DISABLED".equals(target.text("State").orElse("ENABLED"))) {
                    other = true;
                }
            }
            if (!other) {
                stalled.add(queue.logicalId());
            }
        }
        return stalled;
    }
}
