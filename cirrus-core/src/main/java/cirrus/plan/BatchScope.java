package cirrus.plan;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;

import cirrus.plan.template.Reference;
import cirrus.plan.template.ReferenceIndex;
import cirrus.plan.template.Resource;
import cirrus.plan.template.ResourceTypes;
import cirrus.plan.template.Template;

/**
 * Which resources are Batch-related and therefore analysed: job definitions, compute environments,
 * job queues, scheduling policies and launch templates; the IAM roles and instance profiles they
 * use (directly or through each other); and the state machines that reference a job definition or a
 * job queue. Computed over both templates.
 */
final class BatchScope {
    private static final Set<String> CORE =
            Set.of(
                    ResourceTypes.JOB_DEFINITION,
                    ResourceTypes.COMPUTE_ENVIRONMENT,
                    ResourceTypes.JOB_QUEUE,
                    ResourceTypes.SCHEDULING_POLICY,
                    ResourceTypes.LAUNCH_TEMPLATE);
    private static final Set<String> SUPPORT =
            Set.of(
                    ResourceTypes.IAM_ROLE,
                    ResourceTypes.INSTANCE_PROFILE,
                    ResourceTypes.LAUNCH_TEMPLATE);

    private BatchScope() {}

    static Set<String> of(Template before, ReferenceIndex bi, Template after, ReferenceIndex ai) {
        Set<String> scope = new HashSet<>();
        add(scope, before, bi);
        add(scope, after, ai);
        return scope;
    }

    private static void add(Set<String> scope, Template template, ReferenceIndex index) {
        Deque<String> todo = new ArrayDeque<>();
        for (Resource r : template.resources().values()) {
            if (CORE.contains(r.type())) {
                scope.add(r.logicalId());
                todo.add(r.logicalId());
            }
        }
        while (!todo.isEmpty()) {
            for (Reference ref : index.from(todo.pop())) {
                Resource target = template.resource(ref.target()).orElse(null);
                if (target != null && SUPPORT.contains(target.type()) && scope.add(ref.target())) {
                    todo.add(ref.target());
                }
            }
        }
        for (Resource sm : template.ofType(ResourceTypes.STATE_MACHINE)) {
            for (Reference ref : index.from(sm.logicalId())) {
                String type = template.resource(ref.target()).map(Resource::type).orElse("");
                if (type.equals(ResourceTypes.JOB_DEFINITION)
                        || type.equals(ResourceTypes.JOB_QUEUE)) {
                    scope.add(sm.logicalId());
                }
            }
        }
    }
}
