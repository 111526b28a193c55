package cirrus.plan.rule;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cirrus.plan.template.Intrinsic;
import cirrus.plan.template.Resource;
import cirrus.plan.template.ResourceTypes;
import cirrus.plan.template.Template;

/**
 * The texts the state machines of one template contain, indexed so that "which state machines name
 * job definition X" is one lookup: every string (and {@code Fn::Sub} template), its part after the
 * last {@code /} (an ARN without revision), and in JSON text (a {@code DefinitionString}) every
 * quoted token and its part after the last {@code /}. Built once per plan.
 */
public final class NameIndex {
    private final Map<String, Set<String>> stateMachines = new HashMap<>();

    private NameIndex() {}

    public static NameIndex of(Template template) {
        NameIndex index = new NameIndex();
        for (Resource sm : template.ofType(ResourceTypes.STATE_MACHINE)) {
            index.walk(sm.properties(), sm.logicalId());
        }
        return index;
    }

    /** The state machines that contain {@code name} as a whole string or token. */
    public Set<String> naming(String name) {
        return stateMachines.getOrDefault(name, Set.of());
    }

    private void walk(Object tree, String sm) {
        if (tree instanceof Map<?, ?> map) {
            Intrinsic.text(tree).filter(t -> Intrinsic.is(tree)).ifPresent(t -> text(t, sm));
            map.values().forEach(v -> walk(v, sm));
        } else if (tree instanceof List<?> list) {
            list.forEach(v -> walk(v, sm));
        } else if (tree instanceof String s) {
            text(s, sm);
        }
    }

    private void text(String s, String sm) {
        add(s, sm);
        if (s.indexOf('"') >= 0) {
            String[] parts = s.split("\"");
            for (int i = 1; i < parts.length; i += 2) {
                add(parts[i], sm);
            }
        }
    }

    private void add(String token, String sm) {
        put(token, sm);
        int slash = token.lastIndexOf('/');
        if (slash >= 0 && slash < token.length() - 1) {
            put(token.substring(slash + 1), sm);
        }
    }

    private void put(String key, String sm) {
        stateMachines.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(sm);
    }
}
