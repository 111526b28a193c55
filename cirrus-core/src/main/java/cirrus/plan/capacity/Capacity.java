package cirrus.plan.capacity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

import cirrus.plan.template.Intrinsic;
import cirrus.plan.template.Reference;
import cirrus.plan.template.References;
import cirrus.plan.template.Resource;
import cirrus.plan.template.ResourceTypes;
import cirrus.plan.template.Template;

/**
 * The seed's MaxvCpus guidance as arithmetic: a compute environment stops adding instances at
 * MaxvCpus, so a queue runs at most ⌊ΣMaxvCpus ÷ job vCPUs⌋ jobs of one job definition at once, and
 * N concurrent jobs need N × vCPUs. Queue ↔ job-definition pairs come from the state machines'
 * Batch steps (a {@code Parameters} block naming both {@code JobQueue} and {@code JobDefinition}).
 * Compute environments shared by several queues share their capacity; instance packing can lower
 * the real figure.
 */
public final class Capacity {
    private Capacity() {}

    /** The capacity of every queue that a state machine submits to. */
    public static List<QueueCapacity> of(Template template, OptionalLong requested) {
        Map<String, Set<String>> pairs = pairs(template);
        List<QueueCapacity> result = new ArrayList<>();
        for (Map.Entry<String, Set<String>> e : pairs.entrySet()) {
            Resource queue = template.resource(e.getKey()).orElseThrow();
            Map<String, OptionalLong> environments = environments(template, queue);
            OptionalLong total = total(template, environments);
            List<JobCapacity> jobs = new ArrayList<>();
            for (String jd : e.getValue()) {
                Optional<Double> vcpus = template.resource(jd).flatMap(Capacity::vcpus);
                OptionalLong max =
                        vcpus.isPresent() && total.isPresent() && vcpus.get() > 0
                                ? OptionalLong.of(
                                        (long) Math.floor(total.getAsLong() / vcpus.get()))
                                : OptionalLong.empty();
                OptionalLong needed =
                        vcpus.isPresent() && requested.isPresent()
                                ? OptionalLong.of(
                                        (long) Math.ceil(requested.getAsLong() * vcpus.get()))
                                : OptionalLong.empty();
                jobs.add(new JobCapacity(jd, vcpus, max, needed));
            }
            result.add(new QueueCapacity(queue.logicalId(), environments, total, jobs));
        }
        return result;
    }

    /** Queue → job definitions, from every mapping with both JobQueue and JobDefinition keys. */
    static Map<String, Set<String>> pairs(Template template) {
        Map<String, Set<String>> pairs = new LinkedHashMap<>();
        Set<String> ids = template.resources().keySet();
        for (Resource sm : template.ofType(ResourceTypes.STATE_MACHINE)) {
            collect(sm.properties(), ids, template, pairs);
            scanDefinitionString(sm, ids, template, pairs);
        }
        return pairs;
    }

    private static void collect(
            Object tree, Set<String> ids, Template template, Map<String, Set<String>> pairs) {
        if (tree instanceof Map<?, ?> map) {
            if (map.containsKey("JobQueue") && map.containsKey("JobDefinition")) {
                List<Reference> queues = References.in(map.get("JobQueue"), "", ids);
                List<Reference> jds = References.in(map.get("JobDefinition"), "", ids);
                pair(queues, jds, template, pairs);
            }
            map.values().forEach(v -> collect(v, ids, template, pairs));
        } else if (tree instanceof List<?> list) {
            list.forEach(v -> collect(v, ids, template, pairs));
        }
    }

    /** In a {@code DefinitionString}, the JSON is text: pair the refs of each Batch step. */
    private static void scanDefinitionString(
            Resource sm, Set<String> ids, Template template, Map<String, Set<String>> pairs) {
        Object def = sm.properties().get("DefinitionString");
        if (def == null) {
            return;
        }
        String text = Intrinsic.text(def).orElse("");
        for (String step : text.split("\"JobQueue\"")) {
            if (!step.contains("JobDefinition")) {
                continue;
            }
            List<Reference> refs = References.in(Map.of("Fn::Sub", "\"JobQueue\"" + step), "", ids);
            List<Reference> queues = new ArrayList<>();
            List<Reference> jds = new ArrayList<>();
            for (Reference r : refs) {
                String type = template.resource(r.target()).map(Resource::type).orElse("");
                (type.equals(ResourceTypes.JOB_QUEUE) ? queues : jds).add(r);
            }
            pair(queues.isEmpty() ? List.of() : List.of(queues.get(0)), jds, template, pairs);
        }
    }

    private static void pair(
            List<Reference> queues,
            List<Reference> jds,
            Template template,
            Map<String, Set<String>> pairs) {
        for (Reference q : queues) {
            if (!isType(template, q.target(), ResourceTypes.JOB_QUEUE)) {
                continue;
            }
            for (Reference jd : jds) {
                if (isType(template, jd.target(), ResourceTypes.JOB_DEFINITION)) {
                    pairs.computeIfAbsent(q.target(), k -> new LinkedHashSet<>()).add(jd.target());
                }
            }
        }
    }

    private static boolean isType(Template template, String id, String type) {
        return template.resource(id).map(r -> r.type().equals(type)).orElse(false);
    }

    private static Map<String, OptionalLong> environments(Template template, Resource queue) {
        Map<String, OptionalLong> environments = new LinkedHashMap<>();
        for (Object item : queue.list("ComputeEnvironmentOrder")) {
            if (item instanceof Map<?, ?> entry) {
                Optional<String> ce = Intrinsic.target(entry.get("ComputeEnvironment"));
                if (ce.isPresent()) {
                    OptionalLong max =
                            template.resource(ce.get())
                                    .flatMap(r -> r.number("ComputeResources.MaxvCpus"))
                                    .map(OptionalLong::of)
                                    .orElse(OptionalLong.empty());
                    environments.put(ce.get(), max);
                }
            }
        }
        return environments;
    }

    private static OptionalLong total(Template template, Map<String, OptionalLong> environments) {
        long sum = 0;
        for (Map.Entry<String, OptionalLong> e : environments.entrySet()) {
            boolean disabled =
                    template.resource(e.getKey())
                            .flatMap(r -> r.text("State"))
                            .filter("DISABLED"::equals)
                            .isPresent();
            if (disabled) {
                continue;
            }
            if (e.getValue().isEmpty()) {
                return OptionalLong.empty();
            }
            sum += e.getValue().getAsLong();
        }
        return environments.isEmpty() ? OptionalLong.empty() : OptionalLong.of(sum);
    }

    /** The VCPU requirement: ResourceRequirements VCPU, else the legacy Vcpus. */
    static Optional<Double> vcpus(Resource jd) {
        for (Object item : jd.list("ContainerProperties.ResourceRequirements")) {
            if (item instanceof Map<?, ?> req && "VCPU".equals(String.valueOf(req.get("Type")))) {
                return number(req.get("Value"));
            }
        }
        return jd.at("ContainerProperties.Vcpus").flatMap(Capacity::number);
    }

    private static Optional<Double> number(Object value) {
        if (value instanceof Number n) {
            return Optional.of(n.doubleValue());
        }
        if (value instanceof String s) {
            try {
                return Optional.of(Double.parseDouble(s.trim()));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }
}
