package cirrus.plan.rule;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import cirrus.plan.Action;
import cirrus.plan.Finding;
import cirrus.plan.Risk;
import cirrus.plan.Source;
import cirrus.plan.diff.Change;
import cirrus.plan.diff.ResourceChange;

/**
 * Rows 9, 10, 11 and 18: a change to a compute-resource setting that needs new instances (instance
 * types, subnets, security groups, AMI, launch template, instance role, key pair, tags, EC2↔SPOT,
 * …) is a replacement when {@code ReplaceComputeEnvironment} is true or absent; an infrastructure
 * update when it is false and the compute environment uses the service-linked role and an updatable
 * allocation strategy; otherwise an update Batch rejects. Row 18 is the same verdict when the
 * change comes from a new launch-template version the compute environment pins.
 */
final class InfrastructureChangeRule implements Rule {
    static final Set<String> CONDITIONAL =
            Set.of(
                    "AllocationStrategy",
                    "BidPercentage",
                    "Ec2Configuration",
                    "Ec2KeyPair",
                    "ImageId",
                    "InstanceRole",
                    "InstanceTypes",
                    "LaunchTemplate",
                    "PlacementGroup",
                    "SecurityGroupIds",
                    "Subnets",
                    "Tags",
                    "Type");

    /** The changes of {@code change} that need new instances. */
    static List<Change> conditional(ResourceChange change) {
        return change.changes(
                c -> {
                    if (!c.path().startsWith("ComputeResources.")) {
                        return false;
                    }
                    String member = c.path().substring("ComputeResources.".length());
                    int end = member.indexOf('.');
                    int bracket = member.indexOf('[');
                    if (bracket >= 0 && (end < 0 || bracket < end)) {
                        end = bracket;
                    }
                    return CONDITIONAL.contains(end < 0 ? member : member.substring(0, end));
                });
    }

    @Override
    public List<Finding> apply(ResourceChange change, PlanContext context) {
        if (change.kind() != ResourceChange.Kind.MODIFIED
                || !ComputeEnvironmentReplacementRule.triggers(change).isEmpty()) {
            return List.of();
        }
        List<Change> changes = conditional(change);
        if (changes.isEmpty()) {
            return List.of();
        }
        boolean fromLaunchTemplate =
                changes.stream()
                        .allMatch(c -> c.derived() && c.under("ComputeResources.LaunchTemplate"));
        ComputeEnvironmentFacts before = new ComputeEnvironmentFacts(change.before());
        ComputeEnvironmentFacts after = new ComputeEnvironmentFacts(change.after());
        String what =
                fromLaunchTemplate
                        ? Wording.pathList(changes)
                                + " changes value ("
                                + changes.get(0).cause()
                                + "); a launch template change needs new instances"
                        : Wording.pathList(changes)
                                + Wording.verb(changes, " needs", " need")
                                + " new instances";
        Finding.Builder finding =
                Finding.about(change.logicalId(), change.type()).paths(Wording.paths(changes));
        int row = fromLaunchTemplate ? 18 : 0;
        if (fromLaunchTemplate) {
            finding.sources(Source.CFN_LTS);
        }
        if (before.fargate() && after.fargate()) {
            return List.of(
                    finding.rule("ce-infrastructure-update", row == 0 ? 10 : row)
                            .action(Action.INFRASTRUCTURE_UPDATE)
                            .risk(Risk.WARNING)
                            .why(
                                    what
                                            + ": Fargate compute environments are always updated"
                                            + " without interruption (ReplaceComputeEnvironment"
                                            + " does not apply)")
                            .impact(updateImpact(after))
                            .strategy(updateStrategy())
                            .sources(Source.CFN_CE, Source.CFN_CR, Source.UG_INFRA)
                            .build());
        }
        if (after.replacesOnUpdate()) {
            return List.of(replacement(finding, row == 0 ? 9 : row, what, before, after, change));
        }
        List<String> blockers = blockers(before, after);
        if (blockers.isEmpty()) {
            return List.of(
                    finding.rule("ce-infrastructure-update", row == 0 ? 10 : row)
                            .action(Action.INFRASTRUCTURE_UPDATE)
                            .risk(after.terminatesJobsOnUpdate() ? Risk.BREAKING : Risk.WARNING)
                            .why(
                                    what
                                            + "; ReplaceComputeEnvironment is false, the service"
                                            + " role is the service-linked role and the allocation"
                                            + " strategy is "
                                            + after.allocationStrategy()
                                            + ", so Batch performs an infrastructure update in"
                                            + " place")
                            .impact(updateImpact(after))
                            .strategy(updateStrategy())
                            .sources(Source.CFN_CE, Source.UG_INFRA, Source.CFN_UP)
                            .build());
        }
        return List.of(
                finding.rule("ce-update-rejected", row == 0 ? 11 : row)
                        .action(Action.INFRASTRUCTURE_UPDATE)
                        .risk(Risk.BREAKING)
                        .why(
                                what
                                        + "; ReplaceComputeEnvironment is false but the compute"
                                        + " environment "
                                        + Wording.list(blockers)
                                        + ", which infrastructure updates do not support")
                        .impact("Batch rejects the update: the deploy fails and rolls back")
                        .strategy("blue/green (required for BEST_FIT and for custom service roles)")
                        .sources(Source.CFN_CE, Source.UG_INFRA, Source.API_CRU, Source.UG_BG)
                        .build());
    }

    private static Finding replacement(
            Finding.Builder finding,
            int row,
            String what,
            ComputeEnvironmentFacts before,
            ComputeEnvironmentFacts after,
            ResourceChange change) {
        String impact =
                before.named()
                        ? "ComputeEnvironmentName is fixed ("
                                + ComputeEnvironmentReplacementRule.name(change)
                                + "): CloudFormation cannot replace a custom-named resource, so"
                                + " the update fails and the stack rolls back"
                        : "CloudFormation creates a new compute environment, moves the job"
                                + " queues to it and deletes the old one at cleanup: jobs still"
                                + " running on the old instances fail";
        if (before.named()) {
            finding.sources(Source.CFN_NAME);
        }
        return finding.rule("ce-replacement-on-update", row)
                .action(Action.REPLACEMENT)
                .risk(Risk.BREAKING)
                .why(
                        what
                                + ", and ReplaceComputeEnvironment is "
                                + (after.replaceFlagSet() ? "true" : "not set (default true)")
                                + ", so CloudFormation replaces the compute environment")
                .impact(impact)
                .strategy(
                        "blue/green (batch.blueGreen: true, or a renamed copy added to the queue"
                                + " first), or switch to in-place infrastructure updates first:"
                                + " ReplaceComputeEnvironment: false with the service-linked role"
                                + " and BEST_FIT_PROGRESSIVE or SPOT_CAPACITY_OPTIMIZED, deployed"
                                + " alone")
                .sources(Source.CFN_CR, Source.CFN_CE, Source.UG_BG, Source.API_DCE)
                .build();
    }

    private static List<String> blockers(
            ComputeEnvironmentFacts before, ComputeEnvironmentFacts after) {
        List<String> blockers = new ArrayList<>();
        if (!before.strategyAllowsInfrastructureUpdate()
                || !after.strategyAllowsInfrastructureUpdate()) {
            ComputeEnvironmentFacts culprit =
                    before.strategyAllowsInfrastructureUpdate() ? after : before;
            blockers.add(
                    "uses allocation strategy "
                            + culprit.allocationStrategy()
                            + (culprit.resource()
                                            .at("ComputeResources.AllocationStrategy")
                                            .isEmpty()
                                    ? " (the default when absent)"
                                    : ""));
        }
        if (!before.serviceLinkedRole() || !after.serviceLinkedRole()) {
            blockers.add(
                    "uses a custom service role (not "
                            + ComputeEnvironmentFacts.SERVICE_LINKED_ROLE
                            + ")");
        }
        return blockers;
    }

    private static String updateImpact(ComputeEnvironmentFacts after) {
        if (after.terminatesJobsOnUpdate()) {
            return "the compute environment goes UPDATING and, with TerminateJobsOnUpdate: true,"
                    + " running jobs are terminated immediately";
        }
        return "the compute environment goes UPDATING; running jobs may continue for"
                + " JobExecutionTimeoutMinutes ("
                + after.jobExecutionTimeoutMinutes()
                + " min) and are then terminated; they are retried only by their retry strategy";
    }

    private static String updateStrategy() {
        return "raise UpdatePolicy.JobExecutionTimeoutMinutes above the longest job, give the job"
                + " definitions a RetryStrategy, or use blue/green";
    }
}
