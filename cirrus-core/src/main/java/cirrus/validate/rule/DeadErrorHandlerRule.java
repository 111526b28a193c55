package cirrus.validate.rule;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import cirrus.validate.Findings;
import cirrus.validate.ProjectView;
import cirrus.validate.Rule;
import cirrus.validate.analysis.Asl;
import cirrus.validate.source.Node;

/**
 * Workflows: a Retry or Catch entry naming an error the state can never be handled for. Step
 * Functions never retries or catches {@code States.Runtime} (it ends the execution); it reports a
 * template path that selects nothing as {@code States.Runtime}, never as {@code
 * States.ParameterPathFailure}; {@code States.HeartbeatTimeout} needs {@code HeartbeatSeconds}; a
 * Task never fails with {@code States.BranchFailed} or {@code
 * States.ExceedToleratedFailureThreshold} (Parallel and Map states do, also as errors escaping a
 * nested branch). The same rules as the interpreter's ({@code cirrus.states.ErrorNames}, which this
 * module cannot depend on); docs/states.md has the sources.
 */
public final class DeadErrorHandlerRule implements Rule {
    @Override
    public void check(ProjectView project, Findings findings) {
        for (Asl.State s : Asl.of(project).states()) {
            check(s, "Retry", s.retriers(), findings);
            check(s, "Catch", s.catchers(), findings);
        }
    }

    private static void check(Asl.State s, String field, List<Node> entries, Findings findings) {
        for (int i = 0; i < entries.size(); i++) {
            Node errors = entries.get(i).get("ErrorEquals").orElse(null);
            if (errors == null || !errors.isList() || errors.items().isEmpty()) {
                continue;
            }
            List<String> reasons = new ArrayList<>();
            int dead = 0;
            for (Node name : errors.items()) {
                Optional<String> why = name.string().flatMap(n -> whyNever(s, n));
                if (why.isPresent()) {
                    dead++;
                    reasons.add(why.get());
                }
            }
            if (dead == 0) {
                continue;
            }
            String where = field + " entry " + (i + 1) + " of state '" + s.name() + "'";
            findings.add(
                    errors.location(),
                    (dead == errors.items().size()
                                    ? where + " can never fire: "
                                    : where + " lists names it can never match: ")
                            + String.join("; ", reasons));
        }
    }

    /** Why {@code name} never matches an error of state {@code s}, if it never does. */
    static Optional<String> whyNever(Asl.State s, String name) {
        String type = s.type();
        return switch (name) {
            case "States.Runtime" ->
                    Optional.of("States.Runtime ends the execution, no Retry or Catch handles it");
            case "States.ParameterPathFailure" ->
                    Optional.of(
                            "Step Functions reports a path that selects nothing as States.Runtime,"
                                    + " which ends the execution");
            case "States.HeartbeatTimeout" ->
                    "Task".equals(type)
                                    && s.node().get("HeartbeatSeconds").isEmpty()
                                    && s.node().get("HeartbeatSecondsPath").isEmpty()
                            ? Optional.of(
                                    "States.HeartbeatTimeout needs HeartbeatSeconds on the Task")
                            : Optional.empty();
            case "States.BranchFailed" ->
                    "Task".equals(type)
                            ? Optional.of(
                                    "States.BranchFailed comes only from Parallel and Map states")
                            : Optional.empty();
            case "States.ExceedToleratedFailureThreshold" ->
                    "Task".equals(type)
                            ? Optional.of(
                                    "States.ExceedToleratedFailureThreshold comes only from Map"
                                            + " states")
                            : Optional.empty();
            default -> Optional.empty();
        };
    }
}
