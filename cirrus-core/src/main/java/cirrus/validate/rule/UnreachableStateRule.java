package cirrus.validate.rule;

import java.util.Set;

import cirrus.validate.Findings;
import cirrus.validate.ProjectView;
import cirrus.validate.Rule;
import cirrus.validate.analysis.Asl;

/**
 * Workflows: a state no transition leads to never runs; it is usually a renamed state whose
 * references were not updated.
 */
public final class UnreachableStateRule implements Rule {
    @Override
    public void check(ProjectView project, Findings findings) {
        for (Asl.Machine m : Asl.of(project).machines()) {
            if (m.startAt().filter(m.states()::containsKey).isEmpty() || !m.transitionsResolve()) {
                continue; // StartAtRule and NextRule report those first: the graph is not known
            }
            Set<String> reachable = m.reachable();
            for (Asl.State s : m.states().values()) {
                if (!reachable.contains(s.name())) {
                    findings.add(
                            s.node().keyLocation(),
                            "state '"
                                    + s.name()
                                    + "' of "
                                    + m.label()
                                    + " is unreachable from StartAt");
                }
            }
        }
    }
}
