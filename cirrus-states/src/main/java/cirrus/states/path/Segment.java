package cirrus.states.path;

import java.util.Iterator;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One step of a {@link Path}. Definite segments ({@link Field}, {@link Index}) select at most one
 * node; the others make the path indefinite, so that its result is always an array of matches.
 */
public sealed interface Segment
        permits Segment.Field,
                Segment.Index,
                Segment.Wildcard,
                Segment.Union,
                Segment.Slice,
                Segment.DeepScan,
                Segment.Filter {

    /** Appends the nodes this segment selects from {@code node} to {@code out}. */
    void select(JsonNode node, JsonNode root, List<JsonNode> out);

    /** Whether the segment selects at most one node. */
    default boolean definite() {
        return false;
    }

    /** {@code .name} or {@code ['name']}: a field of an object. */
    record Field(String name) implements Segment {
        @Override
        public void select(JsonNode node, JsonNode root, List<JsonNode> out) {
            JsonNode child = step(node);
            if (child != null) {
                out.add(child);
            }
        }

        /** The field's value, or null when {@code node} is not an object or lacks it. */
        public JsonNode step(JsonNode node) {
            return node != null && node.isObject() ? node.get(name) : null;
        }

        @Override
        public boolean definite() {
            return true;
        }
    }

    /** {@code [n]}: an array element; negative indexes count from the end. */
    record Index(int index) implements Segment {
        @Override
        public void select(JsonNode node, JsonNode root, List<JsonNode> out) {
            JsonNode child = step(node);
            if (child != null) {
                out.add(child);
            }
        }

        /** The element, or null when {@code node} is not an array or is too short. */
        public JsonNode step(JsonNode node) {
            if (node == null || !node.isArray()) {
                return null;
            }
            int i = index < 0 ? node.size() + index : index;
            return i >= 0 && i < node.size() ? node.get(i) : null;
        }

        @Override
        public boolean definite() {
            return true;
        }
    }

    /** {@code .*} or {@code [*]}: every element of an array or value of an object. */
    record Wildcard() implements Segment {
        @Override
        public void select(JsonNode node, JsonNode root, List<JsonNode> out) {
            if (node != null && node.isContainerNode()) {
                Iterator<JsonNode> values = node.elements();
                while (values.hasNext()) {
                    out.add(values.next());
                }
            }
        }
    }

    /** {@code [a,b]} or {@code ['x','y']}: several fields or indexes, in the order written. */
    record Union(List<Segment> parts) implements Segment {
        public Union {
            parts = List.copyOf(parts);
        }

        @Override
        public void select(JsonNode node, JsonNode root, List<JsonNode> out) {
            for (Segment part : parts) {
                part.select(node, root, out);
            }
        }
    }

    /** {@code [start:end:step]}: a Python-style slice of an array. */
    record Slice(Integer start, Integer end, int step) implements Segment {
        @Override
        public void select(JsonNode node, JsonNode root, List<JsonNode> out) {
            if (node == null || !node.isArray()) {
                return;
            }
            int size = node.size();
            if (step > 0) {
                int from = clamp(start == null ? 0 : start, size);
                int to = clamp(end == null ? size : end, size);
                for (int i = from; i < to; i += step) {
                    out.add(node.get(i));
                }
            } else {
                int from = start == null ? size - 1 : Math.min(clamp(start, size), size - 1);
                int to = end == null ? -1 : clamp(end, size);
                for (int i = from; i > to; i += step) {
                    out.add(node.get(i));
                }
            }
        }

        private static int clamp(int i, int size) {
            int j = i < 0 ? size + i : i;
            return Math.max(0, Math.min(size, j));
        }
    }

    /** {@code ..x}: applies {@code inner} to a node and to all its descendants. */
    record DeepScan(Segment inner) implements Segment {
        @Override
        public void select(JsonNode node, JsonNode root, List<JsonNode> out) {
            if (node == null) {
                return;
            }
            inner.select(node, root, out);
            if (node.isContainerNode()) {
                Iterator<JsonNode> values = node.elements();
                while (values.hasNext()) {
                    select(values.next(), root, out);
                }
            }
        }
    }

    /** {@code [?(expr)]}: the array elements (or the object itself) for which expr holds. */
    record Filter(FilterExpression expression) implements Segment {
        @Override
        public void select(JsonNode node, JsonNode root, List<JsonNode> out) {
            if (node == null) {
                return;
            }
            if (node.isArray()) {
                for (JsonNode element : node) {
                    if (expression.test(element, root)) {
                        out.add(element);
                    }
                }
            } else if (node.isObject() && expression.test(node, root)) {
                out.add(node);
            }
        }
    }
}
