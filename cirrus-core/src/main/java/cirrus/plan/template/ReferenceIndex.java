package cirrus.plan.template;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who points at whom in one template: for each resource, its outgoing references, and for each
 * target, the resources that reference it.
 */
public final class ReferenceIndex {
    /**
     * A reference together with the resource it is written in.
     *
     * @param from the logical id of the referring resource
     * @param reference the reference
     */
    public record Use(String from, Reference reference) {}

    private final Map<String, List<Reference>> outgoing = new LinkedHashMap<>();
    private final Map<String, List<Use>> incoming = new LinkedHashMap<>();

    private ReferenceIndex() {}

    /** Indexes every resource of {@code template}. */
    public static ReferenceIndex of(Template template) {
        ReferenceIndex index = new ReferenceIndex();
        Set<String> ids = template.resources().keySet();
        for (Resource r : template.resources().values()) {
            List<Reference> refs = References.in(r.properties(), "", ids);
            index.outgoing.put(r.logicalId(), refs);
            for (Reference ref : refs) {
                index.incoming
                        .computeIfAbsent(ref.target(), k -> new ArrayList<>())
                        .add(new Use(r.logicalId(), ref));
            }
        }
        return index;
    }

    /** The references written in resource {@code logicalId}. */
    public List<Reference> from(String logicalId) {
        return outgoing.getOrDefault(logicalId, List.of());
    }

    /** The references that point at {@code logicalId}. */
    public List<Use> to(String logicalId) {
        return incoming.getOrDefault(logicalId, List.of());
    }
}
