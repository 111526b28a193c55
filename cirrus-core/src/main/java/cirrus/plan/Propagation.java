package cirrus.plan;

import java.util.List;
import java.util.Map;
import java.util.Set;

import cirrus.plan.diff.Change;
import cirrus.plan.diff.ResourceChange;
import cirrus.plan.template.ReferenceIndex;
import cirrus.plan.template.ResourceTypes;

/**
 * Turns planned actions into derived changes: a replaced resource gets a new {@code Ref} and new
 * attributes, a job-definition update a new revision-qualified ARN, a launch-template data change a
 * new {@code LatestVersionNumber}. Every property of the new template that references such a value
 * changes at deploy time even though its text does not; this adds those changes so the rules judge
 * them (a compute environment pinned to {@code LatestVersionNumber}, a queue pointing at a replaced
 * compute environment, a state machine pointing at a new revision).
 */
final class Propagation {
    private static final String ALL = "*";

    private Propagation() {}

    /** Adds the derived changes implied by {@code actions}; true when any was added. */
    static boolean apply(
            Map<String, ResourceChange> changes, Map<String, Action> actions, ReferenceIndex refs) {
        boolean grew = false;
        for (Map.Entry<String, Action> e : actions.entrySet()) {
            ResourceChange source = changes.get(e.getKey());
            if (source == null || source.kind() != ResourceChange.Kind.MODIFIED) {
                continue;
            }
            Set<String> attributes = changedAttributes(source, e.getValue());
            if (attributes.isEmpty()) {
                continue;
            }
            String cause = cause(source, e.getValue());
            for (ReferenceIndex.Use use : refs.to(source.logicalId())) {
                if (!attributes.contains(ALL)
                        && !attributes.contains(use.reference().attribute())) {
                    continue;
                }
                ResourceChange target = changes.get(use.from());
                if (target == null
                        || target.kind() == ResourceChange.Kind.ADDED
                        || target.kind() == ResourceChange.Kind.REMOVED
                        || covered(target, use.reference().path())) {
                    continue;
                }
                Change derived =
                        Change.derived(use.reference().path(), use.reference().display(), cause);
                changes.put(use.from(), target.with(List.of(derived)));
                grew = true;
            }
        }
        return grew;
    }

    private static Set<String> changedAttributes(ResourceChange change, Action action) {
        if (action == Action.REPLACEMENT) {
            return Set.of(ALL);
        }
        if (change.type().equals(ResourceTypes.JOB_DEFINITION) && action == Action.NEW_REVISION) {
            return Set.of("Ref", "JobDefinitionArn");
        }
        if (change.type().equals(ResourceTypes.LAUNCH_TEMPLATE)
                && !change.changes(c -> !c.derived() && c.under("LaunchTemplateData")).isEmpty()) {
            return Set.of("LatestVersionNumber");
        }
        return Set.of();
    }

    private static String cause(ResourceChange change, Action action) {
        if (action == Action.REPLACEMENT) {
            return change.logicalId() + " is replaced";
        }
        if (change.type().equals(ResourceTypes.JOB_DEFINITION)) {
            return change.logicalId() + " gets a new revision";
        }
        return change.logicalId() + " gets a new version";
    }

    /** Whether {@code change} already has a change at {@code path} or at a parent of it. */
    private static boolean covered(ResourceChange change, String path) {
        for (Change c : change.changes()) {
            if (path.equals(c.path())
                    || path.startsWith(c.path() + ".")
                    || path.startsWith(c.path() + "[")) {
                return true;
            }
        }
        return false;
    }
}
