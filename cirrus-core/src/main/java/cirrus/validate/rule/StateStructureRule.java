package cirrus.validate.rule;

import java.util.List;

import cirrus.validate.Findings;
import cirrus.validate.ProjectView;
import cirrus.validate.Rule;
import cirrus.validate.Suggestions;
import cirrus.validate.analysis.Asl;
import cirrus.validate.source.Node;

/**
 * Workflows: each state is a mapping with a known {@code Type} and the fields its type requires
 * (Task: Resource; Choice: a non-empty Choices list; Parallel: a non-empty Branches list; Map: an
 * ItemProcessor or Iterator; Wait: exactly one of Seconds, Timestamp, SecondsPath, TimestampPath),
 * and a name of at most 80 characters.
 *
 * @see <a href="https://states-language.net/spec.html#state-types">ASL: state types</a>
 */
public final class StateStructureRule implements Rule {
    private static final int MAX_NAME = 80;

    @Override
    public void check(ProjectView project, Findings findings) {
        for (Asl.Machine m : Asl.of(project).machines()) {
            m.node()
                    .get("States")
                    .filter(n -> !n.isMap())
                    .ifPresent(
                            n ->
                                    findings.add(
                                            n.location(),
                                            "States of "
                                                    + m.label()
                                                    + " must be a mapping of state names to states"));
        }
        for (Asl.State s : Asl.of(project).states()) {
            String what = "state '" + s.name() + "' of " + s.machine().label();
            if (s.name().length() > MAX_NAME) {
                findings.add(
                        s.node().keyLocation(),
                        "the name of " + what + " is longer than " + MAX_NAME + " characters");
            }
            if (!s.node().isMap()) {
                findings.add(s.node().location(), what + " must be a mapping");
                continue;
            }
            Node type = s.node().get("Type").orElse(null);
            if (type == null) {
                findings.add(s.node().keyLocation(), what + " has no Type");
                continue;
            }
            if (!Asl.TYPES.contains(s.type())) {
                String hint = Suggestions.hint(String.valueOf(type.value()), Asl.TYPES);
                findings.add(
                        type.location(),
                        "Type '" + type.value() + "' of " + what + " is not a state type",
                        hint != null ? hint : findings.rule().hint());
                continue;
            }
            switch (s.type()) {
                case "Task" -> require(s, "Resource", what, findings);
                case "Choice" -> nonEmptyList(s, "Choices", what, findings);
                case "Parallel" -> nonEmptyList(s, "Branches", what, findings);
                case "Map" -> {
                    if (s.node()
                            .get("ItemProcessor")
                            .or(() -> s.node().get("Iterator"))
                            .filter(Node::isMap)
                            .isEmpty()) {
                        findings.add(
                                s.node().keyLocation(), what + " (a Map) has no ItemProcessor");
                    }
                }
                case "Wait" -> {
                    long n =
                            List.of("Seconds", "Timestamp", "SecondsPath", "TimestampPath").stream()
                                    .filter(k -> s.node().get(k).isPresent())
                                    .count();
                    if (n != 1) {
                        findings.add(
                                s.node().keyLocation(),
                                what
                                        + " (a Wait) needs exactly one of Seconds, Timestamp, SecondsPath and TimestampPath");
                    }
                }
                default -> {}
            }
            for (String field : List.of("Next", "Default")) {
                s.node()
                        .get(field)
                        .filter(n -> !(n.value() instanceof String))
                        .ifPresent(
                                n ->
                                        findings.add(
                                                n.location(),
                                                field + " of " + what + " must be a state name"));
            }
        }
    }

    private static void require(Asl.State s, String field, String what, Findings findings) {
        if (s.node().get(field).map(Node::value).isEmpty()) {
            findings.add(s.node().keyLocation(), what + " (a " + s.type() + ") has no " + field);
        }
    }

    private static void nonEmptyList(Asl.State s, String field, String what, Findings findings) {
        Node n = s.node().get(field).orElse(null);
        if (n == null || !n.isList() || n.items().isEmpty()) {
            findings.add(
                    n == null ? s.node().keyLocation() : n.location(),
                    what + " (a " + s.type() + ") needs a non-empty " + field + " list");
        }
    }
}
