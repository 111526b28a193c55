package cirrus.cli.command;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import cirrus.plan.capacity.JobCapacity;
import cirrus.plan.capacity.QueueCapacity;

/** The capacity report as a JSON tree for {@code cirrus plan --capacity --format json}. */
final class CapacityJson {
    private CapacityJson() {}

    static List<Object> of(List<QueueCapacity> queues) {
        List<Object> result = new ArrayList<>();
        for (QueueCapacity q : queues) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("queue", q.queue());
            m.put("maxvCpus", value(q.maxvCpus()));
            Map<String, Object> envs = new LinkedHashMap<>();
            q.environments().forEach((id, max) -> envs.put(id, value(max)));
            m.put("computeEnvironments", envs);
            List<Object> jobs = new ArrayList<>();
            for (JobCapacity j : q.jobs()) {
                Map<String, Object> jm = new LinkedHashMap<>();
                jm.put("jobDefinition", j.jobDefinition());
                jm.put("vcpus", j.vcpus().orElse(null));
                jm.put("maxConcurrent", value(j.maxConcurrent()));
                jm.put("vcpusForRequest", value(j.neededForRequest()));
                jobs.add(jm);
            }
            m.put("jobs", jobs);
            result.add(m);
        }
        return result;
    }

    private static Long value(OptionalLong v) {
        return v.isPresent() ? v.getAsLong() : null;
    }
}
