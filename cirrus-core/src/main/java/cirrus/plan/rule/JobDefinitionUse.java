package cirrus.plan.rule;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import cirrus.plan.template.Intrinsic;

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
        List<String> pinned = context.oldStateMachinesUsing(jobDefinition);
        List<String> byName = new ArrayList<>();
        Optional<String> name =
                context.before()
                        .resource(jobDefinition)
                        .flatMap(r -> r.at("JobDefinitionName"))
                        .flatMap(Intrinsic::text);
        if (name.isPresent()) {
            for (String sm : context.oldNames().naming(name.get())) {
                if (!pinned.contains(sm)) {
                    byName.add(sm);
                }
            }
        }
        return new JobDefinitionUse(List.copyOf(pinned), byName);
    }

    boolean none() {
        return pinned.isEmpty() && byName.isEmpty();
    }
}
