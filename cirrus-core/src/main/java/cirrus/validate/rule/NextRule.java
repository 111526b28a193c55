package cirrus.validate.rule;

import cirrus.validate.Findings;
import cirrus.validate.ProjectView;
import cirrus.validate.Rule;
import cirrus.validate.Suggestions;
import cirrus.validate.analysis.Asl;

/**
 * Workflows: every {@code Next}, {@code Default}, {@code Choices[].Next} and {@code Catch[].Next}
 * names a state of the same machine (a branch cannot jump out of its Parallel).
 */
public final class NextRule implements Rule {
    @Override
    public void check(ProjectView project, Findings findings) {
        for (Asl.State s : Asl.of(project).states()) {
            for (Asl.Transition t : s.transitions()) {
                if (s.machine().states().containsKey(t.target())) {
                    continue;
                }
                String hint = Suggestions.hint(t.target(), s.machine().states().keySet());
                findings.add(
                        t.node().location(),
                        t.via()
                                + " of state '"
                                + s.name()
                                + "' names '"
                                + t.target()
                                + "', which is not a state of "
                                + s.machine().label(),
                        hint != null ? hint : findings.rule().hint());
            }
        }
    }
}
