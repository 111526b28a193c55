package cirrus.plan.rule;

import java.util.List;

import cirrus.plan.Action;
import cirrus.plan.Finding;
import cirrus.plan.Risk;
import cirrus.plan.Source;
import cirrus.plan.diff.Change;
import cirrus.plan.diff.ResourceChange;

/**
 * Row 12: switching {@code ReplaceComputeEnvironment} to false is itself an update without
 * interruption, but CloudFormation says not to change any other property in the same update; a
 * failed update can then end in {@code UPDATE_ROLLBACK_FAILED}.
 */
final class ReplaceFlagRule implements Rule {
    private static final String FLAG = "ReplaceComputeEnvironment";

    @Override
    public List<Finding> apply(ResourceChange change, PlanContext context) {
        if (change.kind() != ResourceChange.Kind.MODIFIED
                || !ComputeEnvironmentReplacementRule.triggers(change).isEmpty()) {
            return List.of();
        }
        List<Change> flag = change.under(FLAG);
        if (flag.isEmpty()) {
            return List.of();
        }
        ComputeEnvironmentFacts after = new ComputeEnvironmentFacts(change.after());
        Finding.Builder finding =
                Finding.about(change.logicalId(), change.type())
                        .rule("ce-replace-flag", 12)
                        .action(Action.UPDATE)
                        .paths(Wording.paths(flag))
                        .sources(Source.CFN_CE, Source.SCHEMA);
        if (after.replacesOnUpdate()) {
            return List.of(
                    finding.risk(Risk.INFO)
                            .why(
                                    "ReplaceComputeEnvironment becomes true (or is removed):"
                                            + " later changes to instance settings replace the"
                                            + " compute environment")
                            .impact("none now")
                            .strategy("apply directly")
                            .build());
        }
        List<Change> others = change.changes(c -> !c.under(FLAG));
        if (!others.isEmpty()) {
            return List.of(
                    finding.risk(Risk.BREAKING)
                            .why(
                                    "ReplaceComputeEnvironment changes to false together with "
                                            + Wording.pathList(others)
                                            + ": CloudFormation says not to change any other"
                                            + " property in the same update")
                            .impact(
                                    "if the update fails, the stack can end in"
                                            + " UPDATE_ROLLBACK_FAILED")
                            .strategy(
                                    "deploy ReplaceComputeEnvironment: false alone, then the"
                                            + " other changes")
                            .build());
        }
        boolean updatable = after.strategyAllowsInfrastructureUpdate() && after.serviceLinkedRole();
        return List.of(
                finding.risk(Risk.INFO)
                        .why(
                                "ReplaceComputeEnvironment changes to false on its own: an update"
                                        + " without interruption"
                                        + (updatable
                                                ? "; later instance-setting changes become"
                                                        + " infrastructure updates"
                                                : "; but with allocation strategy "
                                                        + after.allocationStrategy()
                                                        + " and "
                                                        + after.serviceRoleKind()
                                                        + " Batch will reject later"
                                                        + " infrastructure updates"))
                        .impact("none")
                        .strategy("deploy it alone, as here")
                        .build());
    }
}
