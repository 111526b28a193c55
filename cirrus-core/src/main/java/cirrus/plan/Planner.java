package cirrus.plan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cirrus.plan.bluegreen.BlueGreenStatus;
import cirrus.plan.diff.ResourceChange;
import cirrus.plan.diff.TreeDiff;
import cirrus.plan.rule.NameIndex;
import cirrus.plan.rule.PlanContext;
import cirrus.plan.rule.QuotaCheck;
import cirrus.plan.rule.Rule;
import cirrus.plan.rule.RuleTable;
import cirrus.plan.template.ReferenceIndex;
import cirrus.plan.template.Template;

/**
 * Compares two templates and judges every change of a Batch-related resource.
 *
 * <p>The rules run in rounds: after each round the planned actions are turned into derived changes
 * ({@link Propagation}) of the resources that reference the changed ones, and the rules run again,
 * until no new change appears. A chain such as launch template → compute environment (pinned
 * version) → job queue (replaced compute environment) → state machine settles in as many rounds as
 * it has links.
 */
public final class Planner {
    private Planner() {}

    /** The plan for deploying {@code after} over {@code before}. */
    public static Plan plan(Template before, Template after) {
        ReferenceIndex beforeRefs = ReferenceIndex.of(before);
        ReferenceIndex afterRefs = ReferenceIndex.of(after);
        NameIndex oldNames = NameIndex.of(before);
        Map<String, ResourceChange> changes = new LinkedHashMap<>();
        for (ResourceChange c : TreeDiff.of(before, after)) {
            changes.put(c.logicalId(), c);
        }
        Set<String> scope = BatchScope.of(before, beforeRefs, after, afterRefs);
        Map<String, Action> actions = new HashMap<>();
        List<Finding> findings = List.of();
        PlanContext context = null;
        for (int round = 0; round <= changes.size() + 1; round++) {
            context =
                    new PlanContext(
                            before, after, beforeRefs, afterRefs, oldNames, changes, actions);
            findings = classify(changes, scope, context);
            Map<String, Action> next = actions(findings);
            boolean grew = Propagation.apply(changes, next, afterRefs);
            boolean settled = !grew && next.equals(actions);
            actions = next;
            if (settled) {
                break;
            }
        }
        List<Finding> stack = QuotaCheck.check(context, actions);
        return assemble(before, after, changes, scope, findings, stack);
    }

    private static List<Finding> classify(
            Map<String, ResourceChange> changes, Set<String> scope, PlanContext context) {
        List<Finding> findings = new ArrayList<>();
        for (ResourceChange change : changes.values()) {
            if (change.kind() == ResourceChange.Kind.UNCHANGED
                    || !scope.contains(change.logicalId())
                    || !RuleTable.analyses(change.type())) {
                continue;
            }
            List<Finding> own = new ArrayList<>();
            for (Rule rule : RuleTable.rulesFor(change.type())) {
                own.addAll(rule.apply(change, context));
            }
            Set<String> explained = new HashSet<>();
            own.stream()
                    .filter(f -> f.logicalId().equals(change.logicalId()))
                    .forEach(f -> explained.addAll(f.paths()));
            ResourceChange rest = change.only(c -> !explained.contains(c.path()));
            findings.addAll(own);
            findings.addAll(RuleTable.fallback().apply(rest, context));
        }
        return findings;
    }

    private static Map<String, Action> actions(List<Finding> findings) {
        Map<String, Action> actions = new HashMap<>();
        for (Finding f : findings) {
            actions.merge(f.logicalId(), f.action(), Action::max);
        }
        return actions;
    }

    private static Plan assemble(
            Template before,
            Template after,
            Map<String, ResourceChange> changes,
            Set<String> scope,
            List<Finding> findings,
            List<Finding> stack) {
        Map<String, List<Finding>> byResource = new LinkedHashMap<>();
        for (ResourceChange c : changes.values()) {
            byResource.put(c.logicalId(), new ArrayList<>());
        }
        for (Finding f : findings) {
            byResource.computeIfAbsent(f.logicalId(), k -> new ArrayList<>()).add(f);
        }
        List<ResourcePlan> resources = new ArrayList<>();
        List<ResourceChange> notAnalysed = new ArrayList<>();
        for (ResourceChange c : changes.values()) {
            List<Finding> own = byResource.get(c.logicalId());
            if (!own.isEmpty()) {
                Action action = Action.NONE;
                Risk risk = Risk.INFO;
                for (Finding f : own) {
                    action = action.max(f.action());
                    risk = risk.max(f.risk());
                }
                resources.add(new ResourcePlan(c, action, risk, own));
            } else if (c.kind() != ResourceChange.Kind.UNCHANGED
                    && !(scope.contains(c.logicalId()) && RuleTable.analyses(c.type()))) {
                notAnalysed.add(c.only(ch -> !ch.derived()));
            }
        }
        resources.sort(Comparator.comparing((ResourcePlan r) -> r.risk()).reversed());
        return new Plan(
                before.source().toString(),
                after.source().toString(),
                resources,
                stack,
                notAnalysed,
                BlueGreenStatus.of(before, after));
    }
}
