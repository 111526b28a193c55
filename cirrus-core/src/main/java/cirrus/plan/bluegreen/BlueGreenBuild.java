package cirrus.plan.bluegreen;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import cirrus.plan.diff.TreeDiff;
import cirrus.plan.template.Resource;
import cirrus.plan.template.Template;
import cirrus.plan.template.TemplateLoader;

/**
 * The build step for tasks with {@code batch.blueGreen: true}, after the seed's "Downtime an issue"
 * strategy: every Batch resource of the task exists as revision A and/or B ({@code …RevA} logical
 * ids, {@code …-RevA} names), changes go to the revision that is not live, the live one is never
 * touched, and workflows point at the revision that holds the current content.
 *
 * <p>Given the compiled serverless tree and the baseline (the template last deployed):
 *
 * <ul>
 *   <li>no revision deployed yet: the task's resources become revision A;
 *   <li>the content equals the live revision: only the live revision is emitted (a non-live
 *       revision still in the baseline is removed: the "remove blue" step);
 *   <li>the content differs: the live revision is emitted exactly as deployed, the new content as
 *       the other revision (green), and every reference (state machines, outputs, other resources)
 *       moves to green.
 * </ul>
 */
public final class BlueGreenBuild {
    /**
     * A task built blue/green.
     *
     * @param name the task name
     * @param resourceIds the logical ids of its {@code batch.resources}
     */
    public record Task(String name, List<String> resourceIds) {
        public Task {
            Objects.requireNonNull(name, "name");
            resourceIds = List.copyOf(resourceIds);
        }
    }

    /**
     * What the step did for one task.
     *
     * @param task the task name
     * @param liveBefore the revision live in the baseline, if any
     * @param live the revision workflows point at in the new build
     * @param emitted the revisions present in the new build
     * @param retired a revision that was in the baseline and is dropped now
     */
    public record Outcome(
            String task,
            Optional<Revision> liveBefore,
            Revision live,
            List<Revision> emitted,
            Optional<Revision> retired) {

        /** The step of the procedure this build stands at, and what to do next. */
        public String note() {
            String t = "task " + task + ": ";
            if (liveBefore.isEmpty()) {
                return t
                        + "blue/green revision "
                        + live
                        + " is created. Next: deploy, then run 'cirrus plan --accept'.";
            }
            Revision blue = liveBefore.get();
            if (live != blue) {
                return t
                        + "green revision "
                        + live
                        + " holds the change; blue revision "
                        + blue
                        + " stays as deployed. Next: deploy; wait until no jobs are left in"
                        + " revision "
                        + blue
                        + "; run 'cirrus plan --accept'; then build and deploy again to remove"
                        + " revision "
                        + blue
                        + ".";
            }
            if (retired.isPresent()) {
                return t
                        + "revision "
                        + retired.get()
                        + " is removed ("
                        + live
                        + " is live). Deploy only once no jobs are left in revision "
                        + retired.get()
                        + ", then run 'cirrus plan --accept'.";
            }
            return t + "revision " + live + " is live and unchanged.";
        }
    }

    /**
     * The rewritten tree and one outcome per task.
     *
     * @param serverless the serverless tree with the revisions in place
     * @param outcomes what happened to each task
     */
    public record Result(Map<String, Object> serverless, List<Outcome> outcomes) {}

    private BlueGreenBuild() {}

    /** Applies blue/green to {@code tasks} in the compiled {@code serverless} tree. */
    public static Result apply(
            Map<String, Object> serverless, List<Task> tasks, Optional<Template> baseline) {
        Map<String, List<Map.Entry<String, Object>>> expansions = new HashMap<>();
        Map<String, String> renames = new HashMap<>();
        List<Outcome> outcomes = new ArrayList<>();
        Map<String, Object> resources = resources(serverless);
        for (Task task : tasks) {
            List<String> ids = task.resourceIds().stream().filter(resources::containsKey).toList();
            if (ids.isEmpty()) {
                continue;
            }
            Optional<Revision> liveBefore = baseline.flatMap(b -> live(b, ids));
            Revision target;
            Optional<Revision> retired = Optional.empty();
            List<Revision> emitted = new ArrayList<>();
            if (liveBefore.isEmpty()) {
                target = Revision.A;
                ids.forEach(
                        id ->
                                expansions.put(
                                        id,
                                        new ArrayList<>(List.of(copy(id, resources, Revision.A)))));
                emitted.add(Revision.A);
            } else if (unchanged(serverless, ids, liveBefore.get(), baseline.get())) {
                target = liveBefore.get();
                ids.forEach(
                        id ->
                                expansions.put(
                                        id, new ArrayList<>(List.of(copy(id, resources, target)))));
                emitted.add(target);
                Revision other = target.other();
                if (ids.stream()
                        .anyMatch(id -> baseline.get().resource(other.id(id)).isPresent())) {
                    retired = Optional.of(other);
                }
            } else {
                Revision blue = liveBefore.get();
                target = blue.other();
                for (String id : ids) {
                    List<Map.Entry<String, Object>> copies = new ArrayList<>();
                    baseline.get().resource(blue.id(id)).ifPresent(r -> copies.add(deployed(r)));
                    copies.add(copy(id, resources, target));
                    copies.sort(Map.Entry.comparingByKey());
                    expansions.put(id, copies);
                }
                emitted.add(Revision.A);
                emitted.add(Revision.B);
            }
            ids.forEach(id -> renames.put(id, target.id(id)));
            outcomes.add(new Outcome(task.name(), liveBefore, target, emitted, retired));
        }
        Map<String, Object> tree = withResources(serverless, expand(resources, expansions));
        @SuppressWarnings("unchecked")
        Map<String, Object> rewritten = (Map<String, Object>) ReferenceRewrite.apply(tree, renames);
        return new Result(rewritten, outcomes);
    }

    /** The revision of {@code ids} live in {@code baseline}, if it has any. */
    private static Optional<Revision> live(Template baseline, List<String> ids) {
        Map<String, Revision> live = LiveRevisions.of(baseline);
        for (String id : ids) {
            if (live.containsKey(id)) {
                return Optional.of(live.get(id));
            }
        }
        return Optional.empty();
    }

    /** Whether the task's new content, as revision {@code live}, equals what is deployed. */
    private static boolean unchanged(
            Map<String, Object> serverless, List<String> ids, Revision live, Template baseline) {
        Map<String, Object> resources = resources(serverless);
        Map<String, List<Map.Entry<String, Object>>> expansions = new HashMap<>();
        Map<String, String> renames = new HashMap<>();
        for (String id : ids) {
            expansions.put(id, List.of(copy(id, resources, live)));
            renames.put(id, live.id(id));
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> candidate =
                (Map<String, Object>)
                        ReferenceRewrite.apply(
                                withResources(serverless, expand(resources, expansions)), renames);
        Template built = TemplateLoader.of(Path.of("serverless.yml"), candidate);
        for (String id : ids) {
            Optional<Resource> now = built.resource(live.id(id));
            Optional<Resource> then = baseline.resource(live.id(id));
            if (now.isEmpty()
                    || then.isEmpty()
                    || !now.get().type().equals(then.get().type())
                    || !TreeDiff.same(now.get().properties(), then.get().properties())
                    || !TreeDiff.same(now.get().attributes(), then.get().attributes())) {
                return false;
            }
        }
        return true;
    }

    @SuppressWarnings("unchecked")
    private static Map.Entry<String, Object> copy(
            String id, Map<String, Object> resources, Revision revision) {
        Map<String, Object> body = (Map<String, Object>) resources.get(id);
        return Map.entry(revision.id(id), PhysicalNames.suffixed(body, revision.nameSuffix()));
    }

    /** A deployed resource, as a resource body to emit unchanged. */
    private static Map.Entry<String, Object> deployed(Resource r) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("Type", r.type());
        if (!r.properties().isEmpty()) {
            body.put("Properties", r.properties());
        }
        body.putAll(r.attributes());
        return Map.entry(r.logicalId(), body);
    }

    private static Map<String, Object> expand(
            Map<String, Object> resources,
            Map<String, List<Map.Entry<String, Object>>> expansions) {
        Map<String, Object> result = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : resources.entrySet()) {
            List<Map.Entry<String, Object>> copies = expansions.get(e.getKey());
            if (copies == null) {
                result.put(e.getKey(), e.getValue());
            } else {
                copies.forEach(c -> result.put(c.getKey(), c.getValue()));
            }
        }
        return result;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> resources(Map<String, Object> serverless) {
        if (serverless.get("resources") instanceof Map<?, ?> section
                && section.get("Resources") instanceof Map<?, ?> resources) {
            return (Map<String, Object>) resources;
        }
        return Map.of();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> withResources(
            Map<String, Object> serverless, Map<String, Object> resources) {
        Map<String, Object> root = new LinkedHashMap<>(serverless);
        Map<String, Object> section =
                new LinkedHashMap<>(
                        (Map<String, Object>) serverless.getOrDefault("resources", Map.of()));
        section.put("Resources", resources);
        root.put("resources", section);
        return root;
    }
}
