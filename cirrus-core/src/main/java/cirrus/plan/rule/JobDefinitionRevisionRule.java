package cirrus.plan.rule;

import java.util.List;
import java.util.Set;

import cirrus.plan.Action;
import cirrus.plan.Finding;
import cirrus.plan.Risk;
import cirrus.plan.Source;
import cirrus.plan.diff.Change;
import cirrus.plan.diff.ResourceChange;

/**
 * Rows 1 and 4: any job-definition change other than its name or tags is an update "without
 * interruption" that registers a new revision with a new ARN and, unless the deployed template sets
 * {@code ResourceRetentionPolicy.SkipDeregisterOnUpdate: true}, deregisters the previous revision.
 * State machines holding the old revision-pinned ARN then fail at their next submit.
 */
final class JobDefinitionRevisionRule implements Rule {
    static final Set<String> REPLACING = Set.of("JobDefinitionName", "Tags");
    static final String SKIP_DEREGISTER = "ResourceRetentionPolicy.SkipDeregisterOnUpdate";

    @Override
    public List<Finding> apply(ResourceChange change, PlanContext context) {
        if (change.kind() != ResourceChange.Kind.MODIFIED
                || !change.changes(c -> REPLACING.contains(c.head())).isEmpty()) {
            return List.of();
        }
        List<Change> revising = change.changes();
        if (revising.stream().allMatch(c -> c.under("ResourceRetentionPolicy"))) {
            return List.of(retentionOnly(change, revising));
        }
        return List.of(revision(change, revising, context));
    }

    private static Finding retentionOnly(ResourceChange change, List<Change> revising) {
        return Finding.about(change.logicalId(), change.type())
                .rule("jd-retention-policy", 4)
                .action(Action.NEW_REVISION)
                .risk(Risk.INFO)
                .paths(Wording.paths(revising))
                .why(
                        "only ResourceRetentionPolicy changes: an update without interruption;"
                                + " it is itself a job-definition update, so it probably registers"
                                + " a new revision too (unverified)")
                .impact("none expected")
                .strategy(
                        "deploy it alone, before other job-definition changes, so that it"
                                + " protects them")
                .sources(Source.CFN_RRP, Source.CFN_JD)
                .build();
    }

    private static Finding revision(
            ResourceChange change, List<Change> revising, PlanContext context) {
        boolean protectedBefore = change.before().flag(SKIP_DEREGISTER).orElse(false);
        boolean protectedAfter = change.after().flag(SKIP_DEREGISTER).orElse(false);
        JobDefinitionUse use = JobDefinitionUse.before(context, change.logicalId());
        StringBuilder why =
                new StringBuilder(Wording.pathList(revising))
                        .append(Wording.verb(revising, " changes", " change"))
                        .append(
                                ": CloudFormation updates a job definition by registering a new"
                                        + " revision (its Ref, the revision-qualified ARN, changes)"
                                        + " and ");
        if (protectedBefore) {
            why.append(
                    "keeps the previous revision ACTIVE (ResourceRetentionPolicy."
                            + "SkipDeregisterOnUpdate: true in the deployed template)");
        } else {
            why.append(
                    "deregisters the previous one, which becomes INACTIVE and cannot be"
                            + " reactivated");
            if (protectedAfter) {
                why.append(
                        "; SkipDeregisterOnUpdate is only added in this deploy, and whether it"
                                + " already protects this update is unverified");
            }
        }
        Finding.Builder finding =
                Finding.about(change.logicalId(), change.type())
                        .rule("jd-new-revision", 1)
                        .action(Action.NEW_REVISION)
                        .paths(Wording.paths(revising))
                        .why(why.toString())
                        .sources(
                                Source.CFN_JD,
                                Source.CFN_RRP,
                                Source.API_SJ,
                                Source.CDK_9144,
                                Source.SEED);
        String drain =
                "deploy ResourceRetentionPolicy: {SkipDeregisterOnUpdate: true} alone first, or"
                        + " reference the job definition by name (no revision) in workflows, or"
                        + " drain in-flight executions before deploying, or use blue/green"
                        + " (batch.blueGreen: true)";
        if (protectedBefore) {
            return finding.risk(Risk.INFO)
                    .impact(
                            "executions that still hold the previous ARN keep submitting to the"
                                    + " ACTIVE previous revision; new executions use the new one")
                    .strategy("none needed")
                    .build();
        }
        if (!use.pinned().isEmpty()) {
            return finding.risk(Risk.BREAKING)
                    .impact(
                            Wording.stateMachines(use.pinned())
                                    + Wording.verb(use.pinned(), " references", " reference")
                                    + " it by revision-pinned ARN: executions started"
                                    + " before the state machine update (also during the deploy)"
                                    + " fail at their next Batch step with Batch.ClientException"
                                    + " (job definition is not in ACTIVE status)")
                    .strategy(drain)
                    .build();
        }
        if (!use.byName().isEmpty()) {
            return finding.risk(Risk.WARNING)
                    .impact(
                            Wording.stateMachines(use.byName())
                                    + Wording.verb(use.byName(), " references", " reference")
                                    + " it by name: in-flight executions submit the new"
                                    + " revision from their next Batch step on, mixing old and new"
                                    + " job settings within one execution")
                    .strategy(
                            "drain in-flight executions first if one execution must use one"
                                    + " revision throughout")
                    .build();
        }
        return finding.risk(Risk.INFO)
                .impact(
                        "no state machine references it; jobs already submitted keep their"
                                + " revision (what deregistration does to them is undocumented)")
                .strategy(
                        "none needed for workflows; if other callers hold the ARN, deploy"
                                + " ResourceRetentionPolicy: {SkipDeregisterOnUpdate: true} first")
                .build();
    }
}
