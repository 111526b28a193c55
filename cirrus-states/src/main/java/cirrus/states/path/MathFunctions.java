package cirrus.states.path;

import java.util.Random;

import com.fasterxml.jackson.databind.JsonNode;

import cirrus.states.json.Json;

/** {@code States.MathRandom} and {@code States.MathAdd}. */
final class MathFunctions {
    private MathFunctions() {}

    /**
     * A random integer with {@code start <= n < end}; with a seed argument, the same seed gives the
     * same number.
     */
    static JsonNode random(Invocation inv) {
        long start = inv.integer(0);
        long end = inv.integer(1);
        if (end <= start) {
            throw inv.fail("the end (" + end + ") must be greater than the start (" + start + ")");
        }
        long bound = end - start;
        long n;
        if (inv.args().size() == 3) {
            n = new Random(inv.integer(2)).nextLong(bound);
        } else {
            n = inv.context().random().nextLong(bound);
        }
        return Json.NODES.numberNode(start + n);
    }

    static JsonNode add(Invocation inv) {
        long a = inv.integer(0);
        long b = inv.integer(1);
        try {
            return Json.NODES.numberNode(Math.addExact(a, b));
        } catch (ArithmeticException e) {
            throw inv.fail("the sum overflows");
        }
    }
}
