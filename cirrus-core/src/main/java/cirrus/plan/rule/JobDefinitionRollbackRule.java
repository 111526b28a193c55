package cirrus.plan.rule;

import java.util.List;

import cirrus.plan.Action;
import cirrus.plan.Finding;
import cirrus.plan.Risk;
import cirrus.plan.Source;
import cirrus.plan.diff.ResourceChange;

/**
 * Row 5: a stack rollback after a job-definition update "rolls forward": the INACTIVE revision
 * cannot be reactivated, so CloudFormation registers the old content as revision N+2, while state
 * machines rolled back to revision N's ARN keep pointing at an INACTIVE revision.
 */
final class JobDefinitionRollbackRule implements Rule {
    @Override
    public List<Finding> apply(ResourceChange change, PlanContext context) {
        if (change.kind() != ResourceChange.Kind.MODIFIED
                || !change.changes(c -> JobDefinitionRevisionRule.REPLACING.contains(c.head()))
                        .isEmpty()
                || change.changes().stream().allMatch(c -> c.under("ResourceRetentionPolicy"))) {
            return List.of();
        }
        boolean protectedBefore =
                change.before().flag(JobDefinitionRevisionRule.SKIP_DEREGISTER).orElse(false);
        List<String> pinned = JobDefinitionUse.before(context, change.logicalId()).pinned();
        boolean exposed = !protectedBefore && !pinned.isEmpty();
        return List.of(
                Finding.about(change.logicalId(), change.type())
                        .rule("jd-rollback", 5)
                        .action(Action.NONE)
                        .risk(exposed ? Risk.WARNING : Risk.INFO)
                        .why(
                                "if this stack update fails and rolls back, revision N cannot be"
                                        + " reactivated: the rollback registers the old content"
                                        + " again as revision N+2 (roll forward)")
                        .impact(
                                exposed
                                        ? Wording.stateMachines(pinned)
                                                + Wording.verb(pinned, " rolls", " roll")
                                                + " back to the ARN of revision N, which"
                                                + " stays INACTIVE: executions fail at the Batch"
                                                + " step until the next successful deploy"
                                        : "after a rollback the job definition's ARN differs from"
                                                + " the one before the deploy")
                        .strategy(
                                exposed
                                        ? "deploy SkipDeregisterOnUpdate: true first or reference"
                                                + " the job definition by name; after a rollback,"
                                                + " deploy again at once"
                                        : "none needed")
                        .sources(Source.SEED, Source.CFN_RRP, Source.CDK_9144)
                        .build());
    }
}
