package cirrus.plan.rule;

import java.util.List;

import cirrus.plan.Action;
import cirrus.plan.Finding;
import cirrus.plan.Risk;
import cirrus.plan.Source;
import cirrus.plan.diff.Change;
import cirrus.plan.diff.ResourceChange;

/**
 * Rows 2 and 3: a new {@code JobDefinitionName} or new {@code Tags} replace the job definition. The
 * old resource is deleted (deregistered) at cleanup; {@code SkipDeregisterOnUpdate} covers updates
 * only, not deletions.
 */
final class JobDefinitionReplacementRule implements Rule {
    @Override
    public List<Finding> apply(ResourceChange change, PlanContext context) {
        if (change.kind() != ResourceChange.Kind.MODIFIED) {
            return List.of();
        }
        List<Change> name = change.under("JobDefinitionName");
        List<Change> tags = change.under("Tags");
        if (name.isEmpty() && tags.isEmpty()) {
            return List.of();
        }
        JobDefinitionUse use = JobDefinitionUse.before(context, change.logicalId());
        Finding.Builder finding =
                Finding.about(change.logicalId(), change.type())
                        .action(Action.REPLACEMENT)
                        .paths(Wording.paths(change.changes()))
                        .sources(Source.CFN_JD, Source.API_DJD, Source.API_SJ, Source.SEED);
        List<String> all =
                java.util.stream.Stream.concat(use.pinned().stream(), use.byName().stream())
                        .toList();
        String users =
                use.none()
                        ? ""
                        : Wording.stateMachines(all) + Wording.verb(all, " submits", " submit");
        if (!name.isEmpty()) {
            return List.of(
                    finding.rule("jd-rename", 2)
                            .risk(use.none() ? Risk.WARNING : Risk.BREAKING)
                            .why(
                                    "JobDefinitionName changes: replacement; the new name is registered"
                                            + " and the old job definition is deregistered when"
                                            + " CloudFormation deletes the old resource at cleanup")
                            .impact(
                                    use.none()
                                            ? "no state machine references it; anything that still"
                                                    + " submits the old name or ARN fails afterwards"
                                            : users
                                                    + " the old job definition: executions started"
                                                    + " before their update fail at their next Batch"
                                                    + " step once it is deregistered")
                            .strategy(
                                    "add the renamed job definition as a new resource and keep the old one"
                                            + " until in-flight executions have drained (blue/green)")
                            .build());
        }
        boolean named = change.after().at("JobDefinitionName").isPresent();
        return List.of(
                finding.rule("jd-tags", 3)
                        .risk(use.pinned().isEmpty() ? Risk.WARNING : Risk.BREAKING)
                        .why(
                                "Tags change: replacement (current CloudFormation reference)"
                                        + (named
                                                ? "; with a fixed JobDefinitionName the new resource is a"
                                                        + " new revision of the same name and the old"
                                                        + " revision is deregistered at cleanup"
                                                        + " (behaviour with a fixed name unverified)"
                                                : "; the generated name changes"))
                        .impact(
                                use.pinned().isEmpty()
                                        ? "executions that submit the old ARN fail afterwards"
                                        : Wording.stateMachines(use.pinned())
                                                + Wording.verb(use.pinned(), " holds", " hold")
                                                + " the old revision-pinned ARN: executions started"
                                                + " before their update fail at their next Batch step")
                        .strategy("avoid tag churn on job definitions; tag them once, at creation")
                        .build());
    }
}
