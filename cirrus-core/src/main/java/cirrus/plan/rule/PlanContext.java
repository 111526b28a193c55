package cirrus.plan.rule;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cirrus.plan.Action;
import cirrus.plan.diff.ResourceChange;
import cirrus.plan.template.ReferenceIndex;
import cirrus.plan.template.Resource;
import cirrus.plan.template.ResourceTypes;
import cirrus.plan.template.Template;

/**
 * What a rule may look at besides the resource it judges: both templates, who references whom in
 * each, every resource's changes and the action planned for each resource so far (the planner runs
 * the rules until the actions stop changing).
 */
public final class PlanContext {
    private final Template before;
    private final Template after;
    private final ReferenceIndex beforeRefs;
    private final ReferenceIndex afterRefs;
    private final NameIndex oldNames;
    private final Map<String, ResourceChange> changes;
    private final Map<String, Action> actions;

    public PlanContext(
            Template before,
            Template after,
            ReferenceIndex beforeRefs,
            ReferenceIndex afterRefs,
            NameIndex oldNames,
            Map<String, ResourceChange> changes,
            Map<String, Action> actions) {
        this.before = before;
        this.after = after;
        this.beforeRefs = beforeRefs;
        this.afterRefs = afterRefs;
        this.oldNames = oldNames;
        this.changes = Map.copyOf(changes);
        this.actions = Map.copyOf(actions);
    }

    public Template before() {
        return before;
    }

    public Template after() {
        return after;
    }

    public ReferenceIndex beforeRefs() {
        return beforeRefs;
    }

    public ReferenceIndex afterRefs() {
        return afterRefs;
    }

    /** Which state machines of the old template name a text (a job definition by name). */
    public NameIndex oldNames() {
        return oldNames;
    }

    public Optional<ResourceChange> change(String logicalId) {
        return Optional.ofNullable(changes.get(logicalId));
    }

    /** The action planned so far for {@code logicalId} ({@link Action#NONE} when unchanged). */
    public Action action(String logicalId) {
        return actions.getOrDefault(logicalId, Action.NONE);
    }

    /** The state machines of the old template that reference {@code logicalId}. */
    public List<String> oldStateMachinesUsing(String logicalId) {
        return stateMachinesUsing(before, beforeRefs, logicalId);
    }

    /** The state machines of the new template that reference {@code logicalId}. */
    public List<String> newStateMachinesUsing(String logicalId) {
        return stateMachinesUsing(after, afterRefs, logicalId);
    }

    private static List<String> stateMachinesUsing(
            Template template, ReferenceIndex index, String logicalId) {
        List<String> result = new ArrayList<>();
        for (ReferenceIndex.Use use : index.to(logicalId)) {
            Optional<Resource> from = template.resource(use.from());
            if (from.isPresent()
                    && from.get().type().equals(ResourceTypes.STATE_MACHINE)
                    && !result.contains(use.from())) {
                result.add(use.from());
            }
        }
        return result;
    }
}
