package cirrus.plan.rule;

import java.util.List;

import cirrus.plan.Action;
import cirrus.plan.Finding;
import cirrus.plan.Risk;
import cirrus.plan.Source;
import cirrus.plan.diff.Change;
import cirrus.plan.diff.ResourceChange;

/**
 * Row 15: CloudFormation updates {@code ServiceRole} without interruption, but AWS Batch requires a
 * blue/green update to move between the service-linked role and a custom role, and cirrus users had
 * to recreate their compute environments for it (cirrus-geo #149).
 */
final class ServiceRoleRule implements Rule {
    @Override
    public List<Finding> apply(ResourceChange change, PlanContext context) {
        if (change.kind() != ResourceChange.Kind.MODIFIED
                || !ComputeEnvironmentReplacementRule.triggers(change).isEmpty()) {
            return List.of();
        }
        List<Change> role = change.under("ServiceRole");
        if (role.isEmpty()) {
            return List.of();
        }
        ComputeEnvironmentFacts before = new ComputeEnvironmentFacts(change.before());
        ComputeEnvironmentFacts after = new ComputeEnvironmentFacts(change.after());
        Finding.Builder finding =
                Finding.about(change.logicalId(), change.type())
                        .rule("ce-service-role", 15)
                        .action(Action.UPDATE)
                        .paths(Wording.paths(role));
        if (before.serviceLinkedRole() != after.serviceLinkedRole()) {
            return List.of(
                    finding.risk(Risk.BREAKING)
                            .why(
                                    "ServiceRole moves from "
                                            + before.serviceRoleKind()
                                            + " to "
                                            + after.serviceRoleKind()
                                            + ": CloudFormation calls this an update without"
                                            + " interruption, but AWS Batch requires a blue/green"
                                            + " update to change the service role type")
                            .impact(
                                    "unclear; users had to delete and recreate their compute"
                                            + " environments; treat it as risky")
                            .strategy("blue/green: a new compute environment with the new role")
                            .sources(Source.CFN_CE, Source.UG_BG, Source.CIRRUS_149)
                            .build());
        }
        return List.of(
                finding.risk(Risk.WARNING)
                        .why(
                                "ServiceRole changes (same role type): an update without"
                                        + " interruption per CloudFormation")
                        .impact("AWS documents no effect on running jobs")
                        .strategy("apply when no jobs run, or blue/green")
                        .sources(Source.CFN_CE, Source.UG_BG)
                        .build());
    }
}
