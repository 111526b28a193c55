package cirrus.yaml;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
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

    private MergeKeys() {}

    static Flattened flatten(
            MappingNode map, BiFunction<Node, String, ? extends RuntimeException> error) {
        List<NodeTuple> merged = new ArrayList<>();
        List<NodeTuple> explicit = new ArrayList<>();
        for (NodeTuple t : map.getValue()) {
            if (!Yaml11Resolver.MERGE_KEY.equals(t.getKeyNode().getTag())) {
                explicit.add(t);
                continue;
            }
            Node v = t.getValueNode();
            if (v instanceof MappingNode m) {
                merged.addAll(all(m, error));
            } else if (v instanceof SequenceNode seq) {
                List<List<NodeTuple>> parts = new ArrayList<>();
                for (Node item : seq.getValue()) {
                    if (!(item instanceof MappingNode m)) {
                        throw error.apply(
                                item, "a merge key (<<) takes a mapping or a list of mappings");
                    }
                    parts.add(all(m, error));
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
            MappingNode m, BiFunction<Node, String, ? extends RuntimeException> error) {
        Flattened f = flatten(m, error);
        List<NodeTuple> out = new ArrayList<>(f.merged());
        out.addAll(f.explicit());
        return out;
    }
}
