package cirrus.validate.rule;

import cirrus.validate.Findings;
import cirrus.validate.ProjectView;
import cirrus.validate.Rule;
import cirrus.validate.analysis.Asl;

/**
 * Workflows: Task, Pass, Wait, Parallel and Map states have exactly one of {@code Next} and {@code
 * End: true}; Choice, Succeed and Fail states have neither (a Choice moves on through its Choices
 * and Default).
 */
public final class TransitionRule implements Rule {
    @Override
    public void check(ProjectView project, Findings findings) {
        for (Asl.State s : Asl.of(project).states()) {
            boolean next = s.node().get("Next").isPresent();
            boolean end = s.node().get("End").isPresent();
            String what = "state '" + s.name() + "' of " + s.machine().label();
            if (Asl.NEXT_OR_END.contains(s.type())) {
                if (s.node().get("End").isPresent()
                        && !(s.node().get("End").get().value() instanceof Boolean)) {
                    findings.add(
                            s.node().get("End").get().location(),
                            "End of " + what + " must be true or false");
                } else if (!next && !s.end()) {
                    findings.add(s.node().keyLocation(), what + " has neither Next nor End: true");
                } else if (next && s.end()) {
                    findings.add(s.node().keyLocation(), what + " has both Next and End: true");
                }
            } else if ((s.type().equals("Choice")
                            || s.type().equals("Succeed")
                            || s.type().equals("Fail"))
                    && (next || end)) {
                findings.add(
                        s.node().get(next ? "Next" : "End").get().keyLocation(),
                        what
                                + " is a "
                                + s.type()
                                + " state, which takes no "
                                + (next ? "Next" : "End"),
                        s.type().equals("Choice")
                                ? "use Choices and Default"
                                : "remove it: the state ends the execution");
            }
        }
    }
}
