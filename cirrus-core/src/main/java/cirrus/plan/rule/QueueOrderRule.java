package cirrus.plan.rule;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import cirrus.plan.Action;
import cirrus.plan.Finding;
import cirrus.plan.Risk;
import cirrus.plan.Source;
import cirrus.plan.diff.Change;
import cirrus.plan.diff.ResourceChange;
import cirrus.plan.template.Intrinsic;
import cirrus.plan.template.Resource;

/**
 * Rows 19 and 20: adding or reordering compute environments of a queue changes only the placement
 * order; removing one lets its running jobs finish, while the fate of RUNNABLE jobs only it could
 * place is undocumented. A queue holds at most 3 compute environments.
 */
final class QueueOrderRule implements Rule {
    static final int MAX_COMPUTE_ENVIRONMENTS = 3;

    @Override
    public List<Finding> apply(ResourceChange change, PlanContext context) {
        if (change.kind() != ResourceChange.Kind.MODIFIED
                || !QueueReplacementRule.triggers(change).isEmpty()) {
            return List.of();
        }
        List<Change> order = change.under("ComputeEnvironmentOrder");
        if (order.isEmpty()) {
            return List.of();
        }
        List<String> before = computeEnvironments(change.before());
        List<String> after = computeEnvironments(change.after());
        List<String> removed = new ArrayList<>(before);
        removed.removeAll(after);
        List<Finding> findings = new ArrayList<>();
        Finding.Builder base =
                Finding.about(change.logicalId(), change.type())
                        .action(Action.UPDATE)
                        .paths(Wording.paths(order));
        if (after.size() > MAX_COMPUTE_ENVIRONMENTS) {
            findings.add(
                    base.rule("jq-too-many-ce", 19)
                            .risk(Risk.BREAKING)
                            .why(
                                    "ComputeEnvironmentOrder lists "
                                            + after.size()
                                            + " compute environments; a job queue holds at most 3"
                                            + " (a quota that cannot be raised)")
                            .impact("the update fails and the stack rolls back")
                            .strategy(
                                    "keep at most 2 compute environments in a queue so that a"
                                            + " blue/green swap can add the third")
                            .sources(Source.UG_Q, Source.CFN_JQ)
                            .build());
            return findings;
        }
        if (!removed.isEmpty()) {
            findings.add(
                    Finding.about(change.logicalId(), change.type())
                            .rule("jq-ce-removed", 20)
                            .action(Action.UPDATE)
                            .risk(Risk.WARNING)
                            .paths(Wording.paths(order))
                            .why(
                                    Wording.list(removed)
                                            + Wording.verb(removed, " is", " are")
                                            + " removed from ComputeEnvironmentOrder")
                            .impact(
                                    "jobs running on "
                                            + Wording.list(removed)
                                            + " continue; what happens to RUNNABLE jobs only "
                                            + Wording.verb(removed, "it", "they")
                                            + " could place is undocumented")
                            .strategy(
                                    "remove a compute environment only after its replacement"
                                            + " serves the queue (blue/green steps 4 and 5)")
                            .sources(Source.CFN_JQ, Source.UG_BG)
                            .build());
            return findings;
        }
        boolean derivedOnly = order.stream().allMatch(Change::derived);
        findings.add(
                base.rule("jq-ce-order", 19)
                        .risk(Risk.INFO)
                        .why(
                                derivedOnly
                                        ? "the queue is pointed at the new physical compute"
                                                + " environment ("
                                                + order.get(0).cause()
                                                + ")"
                                        : "ComputeEnvironmentOrder changes to "
                                                + Wording.list(after)
                                                + ": a new placement order")
                        .impact(
                                derivedOnly
                                        ? "as for the compute environment's replacement"
                                        : "none; new jobs are placed in the new order")
                        .strategy(
                                "apply directly; this is how blue/green moves a queue to a new"
                                        + " compute environment")
                        .sources(Source.CFN_JQ, Source.UG_BG)
                        .build());
        return findings;
    }

    /** The compute environments of a queue in placement order, by logical id or literal value. */
    static List<String> computeEnvironments(Resource queue) {
        List<Map.Entry<Long, String>> entries = new ArrayList<>();
        for (Object item : queue.list("ComputeEnvironmentOrder")) {
            if (item instanceof Map<?, ?> entry) {
                Object ce = entry.get("ComputeEnvironment");
                String id =
                        Intrinsic.target(ce)
                                .or(() -> Intrinsic.text(ce))
                                .orElse(String.valueOf(ce));
                long order = Resource.asNumber(entry.get("Order")).orElse(Long.MAX_VALUE);
                entries.add(Map.entry(order, id));
            }
        }
        entries.sort(Map.Entry.comparingByKey());
        List<String> ids = new ArrayList<>();
        entries.forEach(e -> ids.add(e.getValue()));
        return ids;
    }
}
