package cirrus.yaml;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;

import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * YAML merge keys ({@code <<: *base}) flattened the way PyYAML does: the merged entries come first
 * (from a list of maps, the earlier map wins), then the mapping's own entries, which override
 * merged ones.
 */
final class MergeKeys {
    /** The entries a mapping contributes, merged ones first. */
    record Flattened(List<NodeTuple> merged, List<NodeTuple> explicit) {}

    /** Counts the nodes one document expands to, so that no alias bomb is expanded. */
    static final class Budget {
        private long spent;

        void spend(
                Node at, long nodes, BiFunction<Node, String, ? extends RuntimeException> error) {
            spent += nodes;
            if (spent > YamlLimits.MAX_NODES) {
                throw error.apply(at, YamlLimits.tooLarge());
            }
        }
    }

    private MergeKeys() {}

    static Flattened flatten(
            MappingNode map,
            Budget budget,
            BiFunction<Node, String, ? extends RuntimeException> error) {
        return flatten(map, budget, error, Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    /**
     * {@code active} holds the mappings being flattened: meeting one again is a merge-key cycle,
     * and more than {@link YamlLimits#MAX_DEPTH} of them a chain too deep to follow.
     */
    private static Flattened flatten(
            MappingNode map,
            Budget budget,
            BiFunction<Node, String, ? extends RuntimeException> error,
            Set<MappingNode> active) {
        if (!active.add(map)) {
            throw error.apply(map, "recursive merge key (<<): a mapping merges itself");
        }
        if (active.size() > YamlLimits.MAX_DEPTH) {
            throw error.apply(map, YamlLimits.tooDeep() + " (through merge keys)");
        }
        try {
            return flattenActive(map, budget, error, active);
        } finally {
            active.remove(map);
        }
    }

    private static Flattened flattenActive(
            MappingNode map,
            Budget budget,
            BiFunction<Node, String, ? extends RuntimeException> error,
            Set<MappingNode> active) {
        List<NodeTuple> merged = new ArrayList<>();
        List<NodeTuple> explicit = new ArrayList<>();
        for (NodeTuple t : map.getValue()) {
            if (!Yaml11Resolver.MERGE_KEY.equals(t.getKeyNode().getTag())) {
                explicit.add(t);
                continue;
            }
            Node v = t.getValueNode();
            if (v instanceof MappingNode m) {
                merged.addAll(all(m, budget, error, active));
            } else if (v instanceof SequenceNode seq) {
                List<List<NodeTuple>> parts = new ArrayList<>();
                for (Node item : seq.getValue()) {
                    if (!(item instanceof MappingNode m)) {
                        throw error.apply(
                                item, "a merge key (<<) takes a mapping or a list of mappings");
                    }
                    parts.add(all(m, budget, error, active));
                }
                Collections.reverse(parts);
                parts.forEach(merged::addAll);
            } else {
                throw error.apply(v, "a merge key (<<) takes a mapping or a list of mappings");
            }
        }
        return new Flattened(merged, explicit);
    }

    private static List<NodeTuple> all(
            MappingNode m,
            Budget budget,
            BiFunction<Node, String, ? extends RuntimeException> error,
            Set<MappingNode> active) {
        Flattened f = flatten(m, budget, error, active);
        budget.spend(m, f.merged().size() + f.explicit().size(), error);
        List<NodeTuple> out = new ArrayList<>(f.merged());
        out.addAll(f.explicit());
        return out;
    }
}
