package cirrus.validate.rule;

import java.util.Set;

import cirrus.validate.Findings;
import cirrus.validate.ProjectView;
import cirrus.validate.Rule;
import cirrus.validate.analysis.Asl;
import cirrus.validate.source.Node;

/**
 * Workflows: some state reachable from StartAt must be able to end the machine (a Succeed or Fail
 * state, or End: true); otherwise every execution loops until it fails or times out. Machines with
 * an unknown StartAt or transition, or a state that cannot go on, are left to the rules that report
 * those.
 */
public final class TerminalStateRule implements Rule {
    @Override
    public void check(ProjectView project, Findings findings) {
        for (Asl.Machine m : Asl.of(project).machines()) {
            if (m.startAt().filter(m.states()::containsKey).isEmpty()
                    || !m.transitionsResolve()
                    || m.hasDeadEnd()) {
                continue; // StartAtRule, NextRule and TransitionRule report those first
            }
            Set<String> reachable = m.reachable();
            boolean ends = reachable.stream().anyMatch(n -> m.states().get(n).terminal());
            if (!ends) {
                findings.add(
                        m.node().get("States").map(Node::keyLocation).orElse(m.node().location()),
                        "no state reachable from StartAt can end " + m.label());
            }
        }
    }
}
