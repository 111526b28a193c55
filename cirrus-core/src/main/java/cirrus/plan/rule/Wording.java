package cirrus.plan.rule;

import java.util.ArrayList;
import java.util.List;

import cirrus.plan.diff.Change;

/** How findings name things: property paths and resource ids as short readable lists. */
final class Wording {
    private Wording() {}

    /** The distinct paths of {@code changes}, in order. */
    static List<String> paths(List<Change> changes) {
        List<String> result = new ArrayList<>();
        for (Change c : changes) {
            if (!result.contains(c.path())) {
                result.add(c.path());
            }
        }
        return result;
    }

    /** {@code a, b and c}. */
    static String list(List<String> items) {
        if (items.isEmpty()) {
            return "";
        }
        if (items.size() == 1) {
            return items.get(0);
        }
        return String.join(", ", items.subList(0, items.size() - 1))
                + " and "
                + items.get(items.size() - 1);
    }

    /** {@code a, b and c} over the paths of {@code changes}. */
    static String pathList(List<Change> changes) {
        return list(paths(changes));
    }

    /** {@code state machine X} or {@code state machines X and Y}. */
    static String stateMachines(List<String> ids) {
        return (ids.size() == 1 ? "state machine " : "state machines ") + list(ids);
    }

    /** "changes" or "change" for a list. */
    static String verb(List<?> items, String singular, String plural) {
        return items.size() == 1 ? singular : plural;
    }
}
