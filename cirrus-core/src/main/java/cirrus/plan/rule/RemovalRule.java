package cirrus.plan.rule;

import java.util.List;

import cirrus.plan.Action;
import cirrus.plan.Finding;
import cirrus.plan.Risk;
import cirrus.plan.Source;
import cirrus.plan.bluegreen.Revision;
import cirrus.plan.diff.ResourceChange;
import cirrus.plan.template.ResourceTypes;

/**
 * Row 24 and its relatives: removing a job queue terminates all its jobs, removing a compute
 * environment fails the jobs running on it, removing a job definition deregisters it. A resource
 * with {@code DeletionPolicy: Retain} is only dropped from the stack; a blue/green revision that is
 * no longer live is retired on purpose once it has drained.
 */
final class RemovalRule implements Rule {
    @Override
    public List<Finding> apply(ResourceChange change, PlanContext context) {
        if (change.kind() != ResourceChange.Kind.REMOVED) {
            return List.of();
        }
        Finding.Builder finding =
                Finding.about(change.logicalId(), change.type())
                        .rule("delete", 24)
                        .action(Action.DELETE)
                        .why("removed from the template: CloudFormation deletes it");
        if (change.before().deletionPolicy().filter("Retain"::equals).isPresent()) {
            return List.of(
                    finding.risk(Risk.WARNING)
                            .why("removed from the template with DeletionPolicy: Retain")
                            .impact(
                                    "it stays in the account, unmanaged, and keeps counting"
                                            + " towards quotas")
                            .strategy("delete it by hand once drained")
                            .build());
        }
        String type = change.type();
        boolean batch =
                type.equals(ResourceTypes.JOB_QUEUE)
                        || type.equals(ResourceTypes.COMPUTE_ENVIRONMENT)
                        || type.equals(ResourceTypes.JOB_DEFINITION);
        if (batch && Revision.retired(change.logicalId(), context.after().resources().keySet())) {
            return List.of(
                    finding.risk(Risk.WARNING)
                            .why(
                                    "a blue/green revision that is no longer live is removed"
                                            + " (its other revision serves the workflows)")
                            .impact(killed(type))
                            .strategy(
                                    "deploy this only after the old revision has drained: no"
                                            + " RUNNABLE, STARTING or RUNNING jobs left in it")
                            .sources(Source.UG_BG, Source.SEED)
                            .build());
        }
        if (type.equals(ResourceTypes.JOB_QUEUE)) {
            return List.of(
                    finding.risk(Risk.BREAKING)
                            .impact(killed(type))
                            .strategy(
                                    "set State: DISABLED and let the queue drain in one deploy;"
                                            + " delete it in a later deploy")
                            .sources(Source.API_DJQ, Source.SEED)
                            .build());
        }
        if (type.equals(ResourceTypes.COMPUTE_ENVIRONMENT)) {
            return List.of(
                    finding.risk(Risk.BREAKING)
                            .impact(killed(type))
                            .strategy(
                                    "remove it from its queues first and let its jobs finish;"
                                            + " delete it in a later deploy")
                            .sources(Source.API_DCE, Source.UG_BG)
                            .build());
        }
        if (type.equals(ResourceTypes.JOB_DEFINITION)) {
            List<String> pinned = context.oldStateMachinesUsing(change.logicalId());
            return List.of(
                    finding.rule("jd-delete", 0)
                            .risk(pinned.isEmpty() ? Risk.WARNING : Risk.BREAKING)
                            .impact(
                                    pinned.isEmpty()
                                            ? "it is deregistered; anything that still submits"
                                                    + " it fails"
                                            : "executions of "
                                                    + Wording.list(pinned)
                                                    + " started before the deploy still hold its"
                                                    + " ARN and fail at their next Batch step once"
                                                    + " it is deregistered")
                            .strategy(
                                    "remove it from the workflows first and delete it in a later"
                                            + " deploy, once in-flight executions have drained")
                            .sources(Source.API_DJD, Source.API_SJ)
                            .build());
        }
        if (type.equals(ResourceTypes.STATE_MACHINE)) {
            return List.of(
                    finding.rule("sm-delete", 0)
                            .risk(Risk.BREAKING)
                            .impact(
                                    "its running executions are terminated at their next state"
                                            + " transition, and payloads for it can no longer"
                                            + " start")
                            .strategy(
                                    "stop feeding the workflow and let its executions finish"
                                            + " before removing it")
                            .sources(Source.SFN_DEL)
                            .build());
        }
        return List.of(
                finding.rule("delete-other", 0)
                        .risk(Risk.INFO)
                        .impact("none once the resources that use it are gone")
                        .strategy("apply directly")
                        .build());
    }

    private static String killed(String type) {
        if (type.equals(ResourceTypes.JOB_QUEUE)) {
            return "all jobs in the queue are terminated (about 16 per second)";
        }
        if (type.equals(ResourceTypes.COMPUTE_ENVIRONMENT)) {
            return "its instances are terminated: jobs still running on them fail";
        }
        return "it is deregistered: executions that still hold its ARN fail at their next Batch"
                + " step";
    }
}
