package cirrus.plan.rule;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cirrus.plan.Action;
import cirrus.plan.Finding;
import cirrus.plan.Risk;
import cirrus.plan.Source;
import cirrus.plan.diff.Change;
import cirrus.plan.diff.ResourceChange;

/**
 * The fallback for changes of analysed resources that no specific rule explains (IAM roles and
 * instance profiles, {@code Context}, {@code UnmanagedvCpus}, …): the verdict follows the
 * property's "Update requires" class in {@link UpdateBehaviour}; a property missing from that table
 * is reported as such, never skipped.
 */
final class PropertyTableRule implements Rule {
    @Override
    public List<Finding> apply(ResourceChange change, PlanContext context) {
        if (change.kind() != ResourceChange.Kind.MODIFIED || change.changes().isEmpty()) {
            return List.of();
        }
        Map<Optional<UpdateBehaviour>, List<Change>> groups = new LinkedHashMap<>();
        for (Change c : change.changes()) {
            groups.computeIfAbsent(
                            UpdateBehaviour.of(change.type(), c.path()), k -> new ArrayList<>())
                    .add(c);
        }
        List<Finding> findings = new ArrayList<>();
        groups.forEach((behaviour, changes) -> findings.add(finding(change, behaviour, changes)));
        return findings;
    }

    private static Finding finding(
            ResourceChange change, Optional<UpdateBehaviour> behaviour, List<Change> changes) {
        Finding.Builder finding =
                Finding.about(change.logicalId(), change.type())
                        .paths(Wording.paths(changes))
                        .sources(Source.SCHEMA);
        String what = Wording.pathList(changes) + Wording.verb(changes, " changes", " change");
        if (behaviour.isEmpty()) {
            return finding.rule("property-unknown", 0)
                    .action(Action.UPDATE)
                    .risk(Risk.WARNING)
                    .why(what + ": not in the planner's table of update behaviours")
                    .impact("unknown; check the CloudFormation reference for this property")
                    .strategy("check before deploying")
                    .build();
        }
        if (behaviour.get() == UpdateBehaviour.REPLACEMENT) {
            return finding.rule("property-replacement", 0)
                    .action(Action.REPLACEMENT)
                    .risk(Risk.WARNING)
                    .why(what + ": requires replacement")
                    .impact("a new physical resource; resources that reference it change with it")
                    .strategy("see the resources that reference it")
                    .build();
        }
        return finding.rule("property-update", 0)
                .action(
                        behaviour.get() == UpdateBehaviour.CONDITIONAL
                                ? Action.INFRASTRUCTURE_UPDATE
                                : Action.UPDATE)
                .risk(behaviour.get() == UpdateBehaviour.CONDITIONAL ? Risk.WARNING : Risk.INFO)
                .why(
                        what
                                + (behaviour.get() == UpdateBehaviour.CONDITIONAL
                                        ? ": needs new instances"
                                        : ": an update without interruption"))
                .impact(
                        behaviour.get() == UpdateBehaviour.CONDITIONAL
                                ? "see the compute environment's other findings"
                                : "none expected")
                .strategy("apply directly")
                .build();
    }
}
