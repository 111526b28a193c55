package cirrus.local.dashboard;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cirrus.runtime.operate.BatchOverview;

/**
 * The vCPUs in use on each compute environment over time, sampled while the dashboard runs (the
 * read model answers for now only); the last {@link #CAPACITY} samples are kept.
 */
final class VcpuHistory {
    static final int CAPACITY = 720;

    private record Sample(Instant at, Map<String, Double> inUse, Map<String, Integer> max) {}

    private final Deque<Sample> samples = new ArrayDeque<>();

    synchronized void record(Instant at, BatchOverview overview) {
        Map<String, Double> inUse = new TreeMap<>();
        Map<String, Integer> max = new TreeMap<>();
        for (BatchOverview.Environment e : overview.environments()) {
            inUse.put(e.name(), e.vcpusInUse());
            e.maxvCpus().ifPresent(m -> max.put(e.name(), m));
        }
        samples.addLast(new Sample(at, inUse, max));
        while (samples.size() > CAPACITY) {
            samples.removeFirst();
        }
    }

    /** {@code {"times": [...], "environments": {name: {"inUse": [...], "max": [...]}}}}. */
    synchronized ObjectNode toJson() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        ArrayNode times = o.putArray("times");
        ObjectNode envs = o.putObject("environments");
        int i = 0;
        for (Sample s : samples) {
            times.add(s.at().toString());
            for (Map.Entry<String, Double> e : s.inUse().entrySet()) {
                ObjectNode env = envs.with(e.getKey());
                ArrayNode inUse = env.withArray("inUse");
                ArrayNode max = env.withArray("max");
                while (inUse.size() < i) {
                    inUse.addNull();
                    max.addNull();
                }
                inUse.add(e.getValue());
                Integer m = s.max().get(e.getKey());
                if (m == null) {
                    max.addNull();
                } else {
                    max.add(m);
                }
            }
            i++;
        }
        return o;
    }
}
