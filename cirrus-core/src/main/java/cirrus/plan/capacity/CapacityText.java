package cirrus.plan.capacity;

import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/** Capacity as text: one block per queue, one line per job definition. */
public final class CapacityText {
    private CapacityText() {}

    public static String of(List<QueueCapacity> queues, OptionalLong requested) {
        StringBuilder out = new StringBuilder("Capacity (concurrent jobs = MaxvCpus / job vCPUs");
        requested.ifPresent(n -> out.append("; ").append(n).append(" concurrent jobs requested"));
        out.append("):\n");
        if (queues.isEmpty()) {
            out.append("  no state machine submits to a job queue\n");
        }
        for (QueueCapacity q : queues) {
            out.append("  ").append(q.queue()).append(": MaxvCpus ").append(text(q.maxvCpus()));
            StringBuilder envs = new StringBuilder();
            for (Map.Entry<String, OptionalLong> e : q.environments().entrySet()) {
                envs.append(envs.length() == 0 ? "" : ", ")
                        .append(e.getKey())
                        .append(' ')
                        .append(text(e.getValue()));
            }
            out.append(" (").append(envs).append(")\n");
            for (JobCapacity j : q.jobs()) {
                out.append("    ").append(job(j, q.maxvCpus(), requested)).append('\n');
            }
        }
        out.append(
                "  (compute environments shared by several queues share this capacity; instance"
                        + " packing can lower it)\n");
        return out.toString();
    }

    private static String job(JobCapacity j, OptionalLong maxvCpus, OptionalLong requested) {
        if (j.vcpus().isEmpty()) {
            return j.jobDefinition() + ": VCPU requirement not stated as a number";
        }
        StringBuilder s =
                new StringBuilder(j.jobDefinition())
                        .append(": ")
                        .append(number(j.vcpus().get()))
                        .append(" vCPU");
        s.append(j.vcpus().get() == 1.0 ? "" : "s");
        if (j.maxConcurrent().isPresent()) {
            s.append(" -> at most ")
                    .append(j.maxConcurrent().getAsLong())
                    .append(" concurrent job")
                    .append(j.maxConcurrent().getAsLong() == 1 ? "" : "s");
        } else {
            s.append(" -> MaxvCpus unknown");
        }
        if (j.neededForRequest().isPresent()) {
            long needed = j.neededForRequest().getAsLong();
            s.append("; ")
                    .append(requested.getAsLong())
                    .append(" concurrent need ")
                    .append(needed)
                    .append(" vCPUs");
            if (maxvCpus.isPresent()) {
                long short_ = needed - maxvCpus.getAsLong();
                s.append(
                        short_ > 0
                                ? " (raise MaxvCpus by " + short_ + " to " + needed + ")"
                                : " (fits)");
            }
        }
        return s.toString();
    }

    private static String text(OptionalLong v) {
        return v.isPresent() ? String.valueOf(v.getAsLong()) : "unknown";
    }

    private static String number(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }
}
