package cirrus.plan.diff;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cirrus.plan.template.Intrinsic;
import cirrus.plan.template.Resource;
import cirrus.plan.template.Template;

/**
 * Compares two templates resource by resource and property by property. Mappings are compared key
 * by key (down to leaves); lists and intrinsic function calls are compared as whole values. Scalars
 * compare by their text, so {@code 32} and {@code "32"} are the same value, as they are to
 * CloudFormation.
 */
public final class TreeDiff {
    private TreeDiff() {}

    /**
     * One entry per logical id of either template, new template order first, then removed ids in
     * old template order.
     */
    public static List<ResourceChange> of(Template before, Template after) {
        Set<String> ids = new LinkedHashSet<>(after.resources().keySet());
        ids.addAll(before.resources().keySet());
        List<ResourceChange> result = new ArrayList<>();
        for (String id : ids) {
            result.add(of(id, before.resources().get(id), after.resources().get(id)));
        }
        return result;
    }

    static ResourceChange of(String id, Resource b, Resource a) {
        if (b == null) {
            return new ResourceChange(id, ResourceChange.Kind.ADDED, null, a, List.of());
        }
        if (a == null) {
            return new ResourceChange(id, ResourceChange.Kind.REMOVED, b, null, List.of());
        }
        List<Change> changes = new ArrayList<>();
        if (!b.type().equals(a.type())) {
            changes.add(Change.direct("Type", b.type(), a.type()));
        }
        diff(b.properties(), a.properties(), "", changes);
        return new ResourceChange(
                id,
                changes.isEmpty() ? ResourceChange.Kind.UNCHANGED : ResourceChange.Kind.MODIFIED,
                b,
                a,
                changes);
    }

    /** The changes between two property trees. */
    public static List<Change> diff(Object before, Object after) {
        List<Change> changes = new ArrayList<>();
        diff(before, after, "", changes);
        return changes;
    }

    private static void diff(Object b, Object a, String path, List<Change> out) {
        if (b instanceof Map<?, ?> bm
                && a instanceof Map<?, ?> am
                && !Intrinsic.is(b)
                && !Intrinsic.is(a)) {
            Set<Object> keys = new LinkedHashSet<>(bm.keySet());
            keys.addAll(am.keySet());
            for (Object key : keys) {
                String p = path.isEmpty() ? String.valueOf(key) : path + "." + key;
                Object bv = bm.containsKey(key) ? bm.get(key) : Change.ABSENT;
                Object av = am.containsKey(key) ? am.get(key) : Change.ABSENT;
                diff(bv, av, p, out);
            }
        } else if (b instanceof List<?> bl
                && a instanceof List<?> al
                && bl.size() == al.size()
                && records(bl)
                && records(al)) {
            for (int i = 0; i < bl.size(); i++) {
                diff(bl.get(i), al.get(i), path + "[" + i + "]", out);
            }
        } else if (!same(b, a)) {
            out.add(Change.direct(path, b, a));
        }
    }

    /** Whether every item is a plain mapping (a list of records, compared item by item). */
    private static boolean records(List<?> list) {
        for (Object item : list) {
            if (!(item instanceof Map) || Intrinsic.is(item)) {
                return false;
            }
        }
        return true;
    }

    /** Deep equality that compares scalars by text. */
    public static boolean same(Object a, Object b) {
        if (a instanceof Map<?, ?> am && b instanceof Map<?, ?> bm) {
            if (!am.keySet().equals(bm.keySet())) {
                return false;
            }
            for (Object k : am.keySet()) {
                if (!same(am.get(k), bm.get(k))) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof List<?> al && b instanceof List<?> bl) {
            if (al.size() != bl.size()) {
                return false;
            }
            for (int i = 0; i < al.size(); i++) {
                if (!same(al.get(i), bl.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (a == null || b == null || a == Change.ABSENT || b == Change.ABSENT) {
            return a == b;
        }
        if (a instanceof Map || b instanceof Map || a instanceof List || b instanceof List) {
            return false;
        }
        return String.valueOf(a).equals(String.valueOf(b));
    }
}
