package cirrus.plan.diff;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

import cirrus.plan.template.Resource;

/**
 * How one logical id differs between the two templates.
 *
 * @param logicalId the logical id
 * @param kind added, removed, modified or unchanged
 * @param before the resource in the old template, or {@code null} when added
 * @param after the resource in the new template, or {@code null} when removed
 * @param changes the changed values, direct and derived (empty when added or removed)
 */
public record ResourceChange(
        String logicalId, Kind kind, Resource before, Resource after, List<Change> changes) {

    /** What happened to the logical id. */
    public enum Kind {
        ADDED,
        REMOVED,
        MODIFIED,
        UNCHANGED;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public ResourceChange {
        Objects.requireNonNull(logicalId, "logicalId");
        Objects.requireNonNull(kind, "kind");
        changes = List.copyOf(changes);
    }

    /** The type (the new one when it changed). */
    public String type() {
        return after != null ? after.type() : before.type();
    }

    /** The resource as it will be after the deploy, or before it when removed. */
    public Resource current() {
        return after != null ? after : before;
    }

    /** The changes matching {@code test}. */
    public List<Change> changes(Predicate<Change> test) {
        List<Change> result = new ArrayList<>();
        for (Change c : changes) {
            if (test.test(c)) {
                result.add(c);
            }
        }
        return result;
    }

    /** The changes at or below {@code prefix}. */
    public List<Change> under(String prefix) {
        return changes(c -> c.under(prefix));
    }

    /** This change plus {@code extra} (an unchanged resource becomes modified). */
    public ResourceChange with(List<Change> extra) {
        List<Change> all = new ArrayList<>(changes);
        all.addAll(extra);
        return new ResourceChange(
                logicalId, kind == Kind.UNCHANGED ? Kind.MODIFIED : kind, before, after, all);
    }

    /** The same change restricted to the changes matching {@code keep}. */
    public ResourceChange only(Predicate<Change> keep) {
        return new ResourceChange(logicalId, kind, before, after, changes(keep));
    }
}
