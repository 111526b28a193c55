package cirrus.plan.rule;

import java.util.List;
import java.util.Set;

import cirrus.plan.Action;
import cirrus.plan.Finding;
import cirrus.plan.Risk;
import cirrus.plan.Source;
import cirrus.plan.diff.Change;
import cirrus.plan.diff.ResourceChange;
import cirrus.plan.template.Intrinsic;

/**
 * Row 23: {@code JobQueueName}, {@code Tags} and {@code JobQueueType} replace a job queue. With a
 * fixed name CloudFormation first tries to create a queue with the same name and fails (409); with
 * a new name the old queue is deleted and all its jobs are terminated.
 */
final class QueueReplacementRule implements Rule {
    private static final Set<String> REPLACING = Set.of("JobQueueName", "Tags", "JobQueueType");

    static List<Change> triggers(ResourceChange change) {
        return change.changes(c -> REPLACING.contains(c.head()));
    }

    @Override
    public List<Finding> apply(ResourceChange change, PlanContext context) {
        if (change.kind() != ResourceChange.Kind.MODIFIED) {
            return List.of();
        }
        List<Change> triggers = triggers(change);
        if (triggers.isEmpty()) {
            return List.of();
        }
        boolean named = change.before().at("JobQueueName").isPresent();
        boolean renamed = !change.under("JobQueueName").isEmpty();
        List<String> workflows = context.newStateMachinesUsing(change.logicalId());
        String impact =
                named && !renamed
                        ? "JobQueueName is fixed ("
                                + change.before()
                                        .at("JobQueueName")
                                        .flatMap(Intrinsic::text)
                                        .orElse("set")
                                + "): CloudFormation creates the new queue with the same name"
                                + " first and fails with ConflictException (409); the stack rolls"
                                + " back"
                        : "the old queue is deleted after the new one exists: all its jobs are"
                                + " terminated (about 16 per second)"
                                + (workflows.isEmpty()
                                        ? ""
                                        : "; "
                                                + Wording.stateMachines(workflows)
                                                + Wording.verb(workflows, " moves", " move")
                                                + " to the new queue");
        return List.of(
                Finding.about(change.logicalId(), change.type())
                        .rule("jq-replacement", 23)
                        .action(Action.REPLACEMENT)
                        .risk(Risk.BREAKING)
                        .paths(Wording.paths(change.changes()))
                        .why(
                                Wording.pathList(triggers)
                                        + Wording.verb(triggers, " changes", " change")
                                        + ": "
                                        + Wording.verb(
                                                triggers,
                                                "this property requires",
                                                "these properties require")
                                        + " replacement")
                        .impact(impact)
                        .strategy(
                                "add the new queue under a new name, point the workflows at it,"
                                        + " and disable, drain and delete the old queue in later"
                                        + " deploys (blue/green)")
                        .sources(Source.CFN_JQ, Source.SCHEMA, Source.CFN_JQ_409, Source.API_DJQ)
                        .build());
    }
}
