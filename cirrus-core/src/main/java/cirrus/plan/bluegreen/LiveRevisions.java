package cirrus.plan.bluegreen;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import cirrus.plan.template.Reference;
import cirrus.plan.template.ReferenceIndex;
import cirrus.plan.template.Resource;
import cirrus.plan.template.ResourceTypes;
import cirrus.plan.template.Template;

/**
 * Which blue/green revision is live in a template, per resource stem ({@code
 * ReprojectJobQueue500GB} for {@code ReprojectJobQueue500GBRevA}/{@code …RevB}): the revision the
 * state machines reference, directly (queue, job definition) or through the resources they
 * reference (compute environment, launch template, roles). A stem nothing live references is live
 * in the only revision present, or in A when both are present.
 */
public final class LiveRevisions {
    private LiveRevisions() {}

    /** Stem → live revision, for every stem with a {@code RevA}/{@code RevB} resource. */
    public static Map<String, Revision> of(Template template) {
        ReferenceIndex index = ReferenceIndex.of(template);
        Map<String, Revision> referenced = new LinkedHashMap<>();
        Deque<String> todo = new ArrayDeque<>();
        Set<String> seen = new HashSet<>();
        for (Resource sm : template.ofType(ResourceTypes.STATE_MACHINE)) {
            todo.add(sm.logicalId());
            seen.add(sm.logicalId());
        }
        while (!todo.isEmpty()) {
            for (Reference ref : index.from(todo.pop())) {
                Revision.of(ref.target())
                        .ifPresent(r -> referenced.putIfAbsent(Revision.stem(ref.target()), r));
                if (seen.add(ref.target())) {
                    todo.add(ref.target());
                }
            }
        }
        Map<String, Revision> live = new LinkedHashMap<>();
        Set<String> ids = template.resources().keySet();
        for (String id : ids) {
            Optional<Revision> rev = Revision.of(id);
            if (rev.isEmpty()) {
                continue;
            }
            String stem = Revision.stem(id);
            if (live.containsKey(stem)) {
                continue;
            }
            Revision r = referenced.get(stem);
            if (r == null) {
                boolean a = ids.contains(Revision.A.id(stem));
                r = a ? Revision.A : Revision.B;
            }
            live.put(stem, r);
        }
        return live;
    }
}
