package cirrus.plan.rule;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cirrus.plan.template.Intrinsic;
import cirrus.plan.template.Resource;
import cirrus.plan.template.ResourceTypes;
import cirrus.plan.template.Template;

/**
 * How the state machines of a template refer to one job definition. A {@code Ref}, {@code GetAtt},
 * {@code ${X}} or {@code #{X}} reference resolves to the revision-qualified ARN ({@code
 * …:job-definition/name:12}) and is <em>pinned</em>; a reference by name ({@code name}, or an ARN
 * without revision) always submits the latest ACTIVE revision.
 *
 * @param pinned state machines with a revision-pinned reference
 * @param byName state machines that reference the job definition by name only
 */
record JobDefinitionUse(List<String> pinned, List<String> byName) {

    static JobDefinitionUse before(PlanContext context, String jobDefinition) {
        return of(context.before(), context.oldStateMachinesUsing(jobDefinition), jobDefinition);
    }

    static JobDefinitionUse of(Template template, List<String> pinned, String jobDefinition) {
        List<String> byName = new ArrayList<>();
        Optional<String> name =
                template.resource(jobDefinition)
                        .flatMap(r -> r.at("JobDefinitionName"))
                        .flatMap(Intrinsic::text);
        if (name.isPresent()) {
            for (Resource sm : template.ofType(ResourceTypes.STATE_MACHINE)) {
                if (!pinned.contains(sm.logicalId()) && mentions(sm.properties(), name.get())) {
                    byName.add(sm.logicalId());
                }
            }
        }
        return new JobDefinitionUse(List.copyOf(pinned), byName);
    }

    boolean none() {
        return pinned.isEmpty() && byName.isEmpty();
    }

    /** Whether a string in {@code tree} names the job definition {@code name} without revision. */
    private static boolean mentions(Object tree, String name) {
        if (tree instanceof String s) {
            return mentionsText(s, name);
        }
        if (tree instanceof Map<?, ?> map) {
            for (Object v : map.values()) {
                if (mentions(v, name)) {
                    return true;
                }
            }
        } else if (tree instanceof List<?> list) {
            for (Object v : list) {
                if (mentions(v, name)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean mentionsText(String s, String name) {
        int from = 0;
        while (true) {
            int i = s.indexOf(name, from);
            if (i < 0) {
                return false;
            }
            int end = i + name.length();
            boolean startOk = i == 0 || s.charAt(i - 1) == '"' || s.charAt(i - 1) == '/';
            boolean endOk = end == s.length() || s.charAt(end) == '"';
            if (startOk && endOk) {
                return true;
            }
            from = i + 1;
        }
    }
}
