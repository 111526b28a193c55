package cirrus.states.path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;

import cirrus.states.json.Json;
import cirrus.states.json.JsonEquality;

/** {@code States.Array*} intrinsic functions. */
final class ArrayFunctions {
    /** AWS caps {@code States.ArrayRange} results at 1,000 items. */
    static final int MAX_RANGE = 1000;

    private ArrayFunctions() {}

    static JsonNode array(Invocation inv) {
        ArrayNode result = Json.NODES.arrayNode(inv.args().size());
        result.addAll(inv.args());
        return result;
    }

    static JsonNode partition(Invocation inv) {
        JsonNode array = inv.array(0);
        long size = inv.integer(1);
        if (size <= 0) {
            throw inv.fail("the chunk size must be a positive integer, not " + size);
        }
        ArrayNode result = Json.NODES.arrayNode();
        ArrayNode chunk = null;
        for (JsonNode element : array) {
            if (chunk == null || chunk.size() == size) {
                chunk = result.addArray();
            }
            chunk.add(element);
        }
        return result;
    }

    static JsonNode contains(Invocation inv) {
        JsonNode array = inv.array(0);
        JsonNode wanted = inv.args().get(1);
        for (JsonNode element : array) {
            if (JsonEquality.equal(element, wanted)) {
                return Json.NODES.booleanNode(true);
            }
        }
        return Json.NODES.booleanNode(false);
    }

    static JsonNode range(Invocation inv) {
        long first = inv.integer(0);
        long last = inv.integer(1);
        long step = inv.integer(2);
        if (step == 0) {
            throw inv.fail("the step cannot be zero");
        }
        long count = (last - first) / step + 1;
        if (count > MAX_RANGE) {
            throw inv.fail("the range has " + count + " items, more than " + MAX_RANGE);
        }
        ArrayNode result = Json.NODES.arrayNode();
        for (long v = first; step > 0 ? v <= last : v >= last; v += step) {
            result.add(v);
        }
        return result;
    }

    static JsonNode getItem(Invocation inv) {
        JsonNode array = inv.array(0);
        long index = inv.integer(1);
        if (index < 0 || index >= array.size()) {
            throw inv.fail("index " + index + " is out of bounds for an array of " + array.size());
        }
        return array.get((int) index);
    }

    static JsonNode length(Invocation inv) {
        return Json.NODES.numberNode(inv.array(0).size());
    }

    static JsonNode unique(Invocation inv) {
        JsonNode array = inv.array(0);
        ArrayNode result = Json.NODES.arrayNode();
        for (JsonNode element : array) {
            boolean seen = false;
            for (JsonNode kept : result) {
                if (JsonEquality.equal(kept, element)) {
                    seen = true;
                    break;
                }
            }
            if (!seen) {
                result.add(element);
            }
        }
        return result;
    }
}
