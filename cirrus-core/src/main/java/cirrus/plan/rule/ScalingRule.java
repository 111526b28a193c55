package cirrus.plan.rule;

import java.util.List;
import java.util.Optional;

import cirrus.plan.Action;
import cirrus.plan.Finding;
import cirrus.plan.Risk;
import cirrus.plan.Source;
import cirrus.plan.diff.Change;
import cirrus.plan.diff.ResourceChange;
import cirrus.plan.template.Resource;

/**
 * Rows 6 and 7: {@code MaxvCpus}, {@code MinvCpus} and a raised {@code DesiredvCpus} are scaling
 * updates that add or remove instances without replacing any. A lowered {@code DesiredvCpus} is
 * rejected when {@code ReplaceComputeEnvironment} is false and may be rejected otherwise: the new
 * value must not be below the current one, which Batch itself raises as it scales.
 */
final class ScalingRule implements Rule {
    private static final String DESIRED = "ComputeResources.DesiredvCpus";

    @Override
    public List<Finding> apply(ResourceChange change, PlanContext context) {
        if (change.kind() != ResourceChange.Kind.MODIFIED
                || !ComputeEnvironmentReplacementRule.triggers(change).isEmpty()) {
            return List.of();
        }
        List<Change> scaling =
                change.changes(
                        c ->
                                c.path().equals("ComputeResources.MaxvCpus")
                                        || c.path().equals("ComputeResources.MinvCpus")
                                        || (c.path().equals(DESIRED) && !lowered(c)));
        List<Change> lowered = change.changes(c -> c.path().equals(DESIRED) && lowered(c));
        List<Finding> findings = new java.util.ArrayList<>();
        if (!scaling.isEmpty()) {
            findings.add(
                    Finding.about(change.logicalId(), change.type())
                            .rule("ce-scaling", 6)
                            .action(Action.UPDATE)
                            .risk(Risk.INFO)
                            .paths(Wording.paths(scaling))
                            .why(
                                    Wording.pathList(scaling)
                                            + Wording.verb(scaling, " changes", " change")
                                            + ": a scaling update; instances are added or removed,"
                                            + " none is replaced")
                            .impact("none")
                            .strategy("apply directly")
                            .sources(Source.CFN_CR, Source.UG_UPD)
                            .build());
        }
        if (!lowered.isEmpty()) {
            boolean inPlace = !new ComputeEnvironmentFacts(change.after()).replacesOnUpdate();
            findings.add(
                    Finding.about(change.logicalId(), change.type())
                            .rule("ce-desired-lowered", 7)
                            .action(Action.UPDATE)
                            .risk(inPlace ? Risk.BREAKING : Risk.WARNING)
                            .paths(Wording.paths(lowered))
                            .why(
                                    "DesiredvCpus is lowered ("
                                            + lowered.get(0).before()
                                            + " -> "
                                            + lowered.get(0).after()
                                            + "): the new value must be at least the current"
                                            + " desiredvCpus, which Batch raises as it scales")
                            .impact(
                                    inPlace
                                            ? "with ReplaceComputeEnvironment: false Batch rejects"
                                                    + " the lower value: the deploy fails and rolls"
                                                    + " back"
                                            : "the update may be rejected if Batch has scaled"
                                                    + " above the new value; the deploy then fails"
                                                    + " and rolls back")
                            .strategy(
                                    "remove DesiredvCpus from the template and use MinvCpus for a"
                                            + " floor")
                            .sources(Source.CFN_CE, Source.UG_UPD)
                            .build());
        }
        return findings;
    }

    /** A numeric decrease, or a value that cannot be compared (treated as a possible decrease). */
    private static boolean lowered(Change c) {
        if (c.added() || c.removed()) {
            return false;
        }
        Optional<Long> b = Resource.asNumber(c.before());
        Optional<Long> a = Resource.asNumber(c.after());
        return b.isEmpty() || a.isEmpty() || a.get() < b.get();
    }
}
