package cirrus.plan.rule;

import java.util.List;

import cirrus.plan.Action;
import cirrus.plan.Finding;
import cirrus.plan.Risk;
import cirrus.plan.Source;
import cirrus.plan.diff.ResourceChange;
import cirrus.plan.template.ResourceTypes;

/** A new Batch-related resource is created; queues and compute environments count to quotas. */
final class CreationRule implements Rule {
    @Override
    public List<Finding> apply(ResourceChange change, PlanContext context) {
        if (change.kind() != ResourceChange.Kind.ADDED) {
            return List.of();
        }
        boolean quota =
                change.type().equals(ResourceTypes.COMPUTE_ENVIRONMENT)
                        || change.type().equals(ResourceTypes.JOB_QUEUE);
        Finding.Builder finding =
                Finding.about(change.logicalId(), change.type())
                        .rule("create", 0)
                        .action(Action.CREATE)
                        .risk(Risk.INFO)
                        .why("new resource")
                        .impact(
                                quota
                                        ? "none on running jobs; it counts towards the quota of 50"
                                                + " per account and Region"
                                        : "none on running jobs")
                        .strategy("apply directly");
        if (quota) {
            finding.sources(Source.UG_Q);
        }
        return List.of(finding.build());
    }
}
