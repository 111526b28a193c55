package cirrus.plan.rule;

import java.util.List;

import cirrus.plan.Action;
import cirrus.plan.Finding;
import cirrus.plan.Risk;
import cirrus.plan.Source;
import cirrus.plan.diff.Change;
import cirrus.plan.diff.ResourceChange;

/**
 * Row 16: {@code UpdatePolicy} and {@code ComputeResources.UpdateToLatestImageVersion} change
 * nothing now; they govern the next infrastructure update.
 */
final class DeferredImageRule implements Rule {
    @Override
    public List<Finding> apply(ResourceChange change, PlanContext context) {
        if (change.kind() != ResourceChange.Kind.MODIFIED
                || !ComputeEnvironmentReplacementRule.triggers(change).isEmpty()) {
            return List.of();
        }
        List<Change> deferred =
                change.changes(
                        c ->
                                c.under("UpdatePolicy")
                                        || c.under("ComputeResources.UpdateToLatestImageVersion"));
        if (deferred.isEmpty()) {
            return List.of();
        }
        return List.of(
                Finding.about(change.logicalId(), change.type())
                        .rule("ce-deferred", 16)
                        .action(Action.UPDATE)
                        .risk(Risk.INFO)
                        .paths(Wording.paths(deferred))
                        .why(
                                Wording.pathList(deferred)
                                        + Wording.verb(deferred, " changes", " change")
                                        + ": an update without interruption that takes effect at"
                                        + " the next infrastructure update"
                                        + (image(deferred)
                                                ? " (the AMI is refreshed then, and only if no AMI"
                                                        + " is set in ImageId, ImageIdOverride or"
                                                        + " the launch template)"
                                                : ""))
                        .impact("none now")
                        .strategy("pair it with an intended infrastructure update")
                        .sources(Source.CFN_CE, Source.CFN_CR, Source.CFN_UP, Source.API_LTS)
                        .build());
    }

    private static boolean image(List<Change> changes) {
        return changes.stream()
                .anyMatch(c -> c.under("ComputeResources.UpdateToLatestImageVersion"));
    }
}
