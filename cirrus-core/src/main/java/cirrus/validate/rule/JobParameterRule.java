package cirrus.validate.rule;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cirrus.plan.bluegreen.Revision;
import cirrus.validate.DeployedObject;
import cirrus.validate.Findings;
import cirrus.validate.ProjectView;
import cirrus.validate.Rule;
import cirrus.validate.analysis.Batch;
import cirrus.validate.source.Node;

/**
 * Batch: a {@code Ref::X} placeholder in a job definition's {@code Command} is replaced by the
 * parameter X, from the job definition's {@code Parameters} defaults or from the SubmitJob call
 * (the workflow's {@code Parameters: {X.$: …}}); when neither has X, the container receives the
 * literal text {@code Ref::X}.
 *
 * @see <a
 *     href="https://docs.aws.amazon.com/batch/latest/userguide/job_definition_parameters.html#parameters">Job
 *     definition parameters</a>
 */
public final class JobParameterRule implements Rule {
    private static final Pattern REF = Pattern.compile("Ref::([A-Za-z0-9_]+)");

    @Override
    public void check(ProjectView project, Findings findings) {
        Batch batch = Batch.of(project);
        for (DeployedObject jd : batch.jobDefinitions().values()) {
            Set<String> known = new HashSet<>();
            if (jd.properties().get("Parameters") instanceof Map<?, ?> params) {
                params.keySet().forEach(k -> known.add(String.valueOf(k)));
            }
            for (Batch.Step step : batch.steps()) {
                if (step.jobDefinitionId()
                        .map(id -> id.equals(jd.name()) || id.equals(Revision.stem(jd.name())))
                        .orElse(false)) {
                    known.addAll(step.passedParameters());
                }
            }
            for (Node item :
                    Batch.container(jd)
                            .get("Command")
                            .map(Node::items)
                            .orElse(java.util.List.of())) {
                if (!(item.value() instanceof String s)) {
                    continue;
                }
                Matcher m = REF.matcher(s);
                while (m.find()) {
                    if (!known.contains(m.group(1))) {
                        findings.add(
                                item.location(),
                                "Command of job definition '"
                                        + jd.name()
                                        + "' uses Ref::"
                                        + m.group(1)
                                        + ", but no parameter '"
                                        + m.group(1)
                                        + "' is declared or passed",
                                "add '"
                                        + m.group(1)
                                        + ": \"\"' under Properties.Parameters, or pass "
                                        + m.group(1)
                                        + ".$ from the workflow");
                    }
                }
            }
        }
    }
}
