package cirrus.validate.rule;

import java.util.Optional;

import cirrus.validate.DeployedStateMachine;
import cirrus.validate.ProjectView;
import cirrus.validate.analysis.ServerlessVariables;
import cirrus.validate.source.Node;

/**
 * How a workflow's state machine is named, compared with the name {@code process} starts: {@code
 * <StackName>-<workflow>} (cirrus v0.15.4 builds the ARN from {@code CIRRUS_BASE_WORKFLOW_ARN} and
 * the payload's {@code process.workflow}), where the stack name is {@code <service>-<stage>}. The
 * portable way to write it is {@code ${self:service}-${self:provider.stage}-<workflow>}.
 */
final class WorkflowNaming {
    /** The verdicts. */
    enum Verdict {
        /** Written the portable way, or resolves to it without hard-coding. */
        OK,
        /** No name: serverless-step-functions names it after its logical id. */
        MISSING,
        /** Resolves to the right name for the default stage only. */
        HARD_CODED,
        /** Resolves (or ends) differently. */
        WRONG,
        /** Cannot be resolved without deploying; it ends with {@code -<workflow>}. */
        UNKNOWN
    }

    /**
     * A verdict with its explanation.
     *
     * @param verdict the verdict
     * @param node where the name is written (the file for a missing name)
     * @param expected the name process starts, as resolved for the default stage
     * @param actual the name as resolved, if it could be
     */
    record Result(Verdict verdict, Node node, String expected, Optional<String> actual) {}

    private WorkflowNaming() {}

    static String template(String workflow) {
        return "${self:service}-${self:provider.stage}-" + workflow;
    }

    static Result judge(ProjectView project, DeployedStateMachine sm) {
        ServerlessVariables variables = new ServerlessVariables(project.serverless());
        String template = template(sm.name());
        String expected = variables.resolveText(template).orElse(template);
        Node name = sm.node().get("name").orElse(null);
        if (name == null || name.value() == null) {
            return new Result(
                    Verdict.MISSING, name == null ? sm.node() : name, expected, Optional.empty());
        }
        if (!(name.value() instanceof String text)) {
            return new Result(Verdict.UNKNOWN, name, expected, Optional.empty());
        }
        if (text.trim().equals(template)
                || text.trim().equals("${self:service}-${sls:stage}-" + sm.name())) {
            return new Result(Verdict.OK, name, expected, Optional.of(expected));
        }
        Optional<String> actual = variables.resolveText(text);
        if (actual.isPresent() && !ServerlessVariables.hasVariable(actual.get())) {
            if (actual.get().equals(expected)) {
                boolean portable =
                        text.contains("${self:provider.stage}")
                                || text.contains("${sls:stage}")
                                || text.contains("${opt:stage");
                return new Result(
                        portable ? Verdict.OK : Verdict.HARD_CODED, name, expected, actual);
            }
            return new Result(Verdict.WRONG, name, expected, actual);
        }
        return new Result(
                text.endsWith("-" + sm.name()) ? Verdict.UNKNOWN : Verdict.WRONG,
                name,
                expected,
                Optional.empty());
    }
}
