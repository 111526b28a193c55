package cirrus.plan.bluegreen;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cirrus.plan.template.Template;

/**
 * Where a plan stands in the blue/green procedure, for the resources whose live revision changes or
 * whose old revision is removed: grouped by transition, with the next step of the procedure (deploy
 * green, confirm the blue revision drained, remove blue).
 *
 * @param stems the resource stems in this group
 * @param liveBefore the live revision in the old template, if the stems had one
 * @param liveAfter the live revision in the new template
 * @param retired the revision removed by this deploy, if any
 */
public record BlueGreenStatus(
        List<String> stems,
        Optional<Revision> liveBefore,
        Revision liveAfter,
        Optional<Revision> retired) {

    public BlueGreenStatus {
        stems = List.copyOf(stems);
    }

    /** The groups of stems whose blue/green state changes between the templates. */
    public static List<BlueGreenStatus> of(Template before, Template after) {
        Map<String, Revision> old = LiveRevisions.of(before);
        Map<String, Revision> now = LiveRevisions.of(after);
        Map<List<Object>, List<String>> groups = new LinkedHashMap<>();
        for (Map.Entry<String, Revision> e : now.entrySet()) {
            String stem = e.getKey();
            Optional<Revision> was = Optional.ofNullable(old.get(stem));
            Revision other = e.getValue().other();
            Optional<Revision> retired =
                    before.resource(other.id(stem)).isPresent()
                                    && after.resource(other.id(stem)).isEmpty()
                            ? Optional.of(other)
                            : Optional.empty();
            if (was.equals(Optional.of(e.getValue())) && retired.isEmpty()) {
                continue;
            }
            groups.computeIfAbsent(List.of(was, e.getValue(), retired), k -> new ArrayList<>())
                    .add(stem);
        }
        List<BlueGreenStatus> result = new ArrayList<>();
        groups.forEach(
                (key, stems) -> {
                    @SuppressWarnings("unchecked")
                    Optional<Revision> was = (Optional<Revision>) key.get(0);
                    @SuppressWarnings("unchecked")
                    Optional<Revision> retired = (Optional<Revision>) key.get(2);
                    result.add(new BlueGreenStatus(stems, was, (Revision) key.get(1), retired));
                });
        return result;
    }

    /** What this deploy does, in the procedure's words. */
    public String summary() {
        if (liveBefore.isEmpty()) {
            return "revision " + liveAfter + " is created and becomes live";
        }
        if (liveBefore.get() != liveAfter) {
            return "green revision "
                    + liveAfter
                    + " becomes live; blue revision "
                    + liveBefore.get()
                    + " stays as deployed";
        }
        return "revision " + retired.orElseThrow() + " is removed; " + liveAfter + " stays live";
    }

    /** The next step of the procedure. */
    public String next() {
        if (liveBefore.isEmpty()) {
            return "deploy, then run 'cirrus plan --accept'";
        }
        if (liveBefore.get() != liveAfter) {
            return "deploy; wait until no jobs are left in revision "
                    + liveBefore.get()
                    + "; run 'cirrus plan --accept'; then build and deploy again to remove"
                    + " revision "
                    + liveBefore.get();
        }
        return "deploy only once no jobs are left in revision "
                + retired.orElseThrow()
                + "; then run 'cirrus plan --accept'";
    }
}
