package cirrus.validate.rule;

import cirrus.validate.Findings;
import cirrus.validate.ProjectView;
import cirrus.validate.Rule;
import cirrus.validate.Suggestions;
import cirrus.validate.analysis.Asl;
import cirrus.validate.source.Node;

/**
 * Workflows: every machine (definition, Parallel branch, Map iterator) has a {@code StartAt} naming
 * one of its {@code States}; Step Functions rejects the definition otherwise.
 */
public final class StartAtRule implements Rule {
    @Override
    public void check(ProjectView project, Findings findings) {
        for (Asl.Machine m : Asl.of(project).machines()) {
            Node node = m.node();
            if (node.get("States")
                            .filter(Node::isMap)
                            .map(s -> !s.entries().isEmpty())
                            .orElse(false)
                    == false) {
                findings.add(
                        node.get("States").map(Node::location).orElse(node.location()),
                        m.label() + " has no States",
                        "declare the states under States");
                continue;
            }
            if (node.get("StartAt").isEmpty()) {
                findings.add(node.location(), m.label() + " has no StartAt");
            } else if (m.startAt().isEmpty()) {
                findings.add(
                        node.get("StartAt").get().location(),
                        "StartAt of " + m.label() + " must be a state name");
            } else if (!m.states().containsKey(m.startAt().get())) {
                String start = m.startAt().get();
                String hint = Suggestions.hint(start, m.states().keySet());
                findings.add(
                        node.get("StartAt").get().location(),
                        "StartAt '"
                                + start
                                + "' of "
                                + m.label()
                                + " names no state; states: "
                                + String.join(", ", m.states().keySet()),
                        hint != null ? hint : findings.rule().hint());
            }
        }
    }
}
