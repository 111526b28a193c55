package cirrus.validate.analysis;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import cirrus.validate.DeployedStateMachine;
import cirrus.validate.ProjectView;
import cirrus.validate.source.Node;

/**
 * The Amazon States Language of every deployed workflow, as graphs: the top-level machine of each
 * definition and the nested ones (each branch of a Parallel, the iterator of a Map), their states
 * and transitions. Shapes that are not as the language requires are kept as far as they can be
 * read: the structure rules report them, the graph rules work with what is there.
 *
 * @see <a href="https://states-language.net/spec.html">Amazon States Language</a>
 */
public final class Asl {
    /** The state types of the language. */
    public static final Set<String> TYPES =
            Set.of("Task", "Pass", "Choice", "Wait", "Succeed", "Fail", "Parallel", "Map");

    /** Types that transition with exactly one of Next or End. */
    public static final Set<String> NEXT_OR_END = Set.of("Task", "Pass", "Wait", "Parallel", "Map");

    /** Types that may have Retry and Catch. */
    public static final Set<String> RETRYABLE = Set.of("Task", "Parallel", "Map");

    private final List<Machine> machines = new ArrayList<>();

    private Asl() {}

    /** The graphs of {@code view} (shared through {@link ProjectView#analysis}). */
    public static Asl of(ProjectView view) {
        return view.analysis(Asl.class, Asl::read);
    }

    /** Every machine, top-level ones first in workflow order, each followed by its nested ones. */
    public List<Machine> machines() {
        return machines;
    }

    /** Every state of every machine. */
    public List<State> states() {
        List<State> all = new ArrayList<>();
        machines.forEach(m -> all.addAll(m.states().values()));
        return all;
    }

    private static Asl read(ProjectView view) {
        Asl asl = new Asl();
        for (DeployedStateMachine sm : view.stateMachines()) {
            sm.definition().filter(Node::isMap).ifPresent(d -> asl.add(sm, d, null));
        }
        return asl;
    }

    private void add(DeployedStateMachine workflow, Node node, State owner) {
        Machine machine = new Machine(workflow, node, owner, new LinkedHashMap<>());
        machines.add(machine);
        node.get("States")
                .ifPresent(
                        states -> {
                            for (Node s : states.entries()) {
                                machine.states()
                                        .put(
                                                s.name().orElse(""),
                                                new State(s.name().orElse(""), s, machine));
                            }
                        });
        for (State s : List.copyOf(machine.states().values())) {
            if (s.type().equals("Parallel")) {
                s.node()
                        .get("Branches")
                        .ifPresent(
                                b ->
                                        b.items().stream()
                                                .filter(Node::isMap)
                                                .forEach(i -> add(workflow, i, s)));
            } else if (s.type().equals("Map")) {
                s.node()
                        .get("ItemProcessor")
                        .or(() -> s.node().get("Iterator"))
                        .filter(Node::isMap)
                        .ifPresent(i -> add(workflow, i, s));
            }
        }
    }

    /**
     * One state machine: a definition, a Parallel branch or a Map iterator.
     *
     * @param workflow the workflow it belongs to
     * @param node the mapping with StartAt and States
     * @param owner the Parallel or Map state it belongs to, or {@code null} at the top
     * @param states its states by name, in file order
     */
    public record Machine(
            DeployedStateMachine workflow, Node node, State owner, Map<String, State> states) {

        // the machine and its states refer to each other: compare and print by identity and name
        @Override
        public boolean equals(Object o) {
            return this == o;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(this);
        }

        @Override
        public String toString() {
            return label();
        }

        /** StartAt, if it is a string. */
        public Optional<String> startAt() {
            return node.string("StartAt");
        }

        /**
         * What the machine is, for messages: {@code workflow 'x'} or {@code branch 2 of state 'p'}.
         */
        public String label() {
            if (owner == null) {
                return "workflow '" + workflow.name() + "'";
            }
            Object key = node.key();
            String where = key instanceof Integer i ? "branch " + (i + 1) : "iterator";
            return where + " of state '" + owner.name() + "'";
        }

        /** Whether every transition of every state names a state of this machine. */
        public boolean transitionsResolve() {
            for (State s : states.values()) {
                for (Transition t : s.transitions()) {
                    if (!states.containsKey(t.target())) {
                        return false;
                    }
                }
            }
            return true;
        }

        /**
         * Whether some state cannot go on: a Task, Pass, Wait, Parallel or Map without Next or End.
         */
        public boolean hasDeadEnd() {
            return states.values().stream()
                    .anyMatch(
                            s ->
                                    NEXT_OR_END.contains(s.type())
                                            && !s.end()
                                            && s.node().get("Next").isEmpty());
        }

        /** The states reachable from StartAt through Next, Default, Choices and Catch. */
        public Set<String> reachable() {
            Set<String> seen = new LinkedHashSet<>();
            Deque<String> todo = new ArrayDeque<>();
            startAt().filter(states::containsKey).ifPresent(todo::add);
            while (!todo.isEmpty()) {
                String name = todo.pop();
                if (seen.add(name)) {
                    for (Transition t : states.get(name).transitions()) {
                        if (states.containsKey(t.target()) && !seen.contains(t.target())) {
                            todo.push(t.target());
                        }
                    }
                }
            }
            return seen;
        }
    }

    /**
     * A transition to a state by name.
     *
     * @param target the state named
     * @param node where the name is written
     * @param via {@code Next}, {@code Default}, {@code Choices} or {@code Catch}
     */
    public record Transition(String target, Node node, String via) {}

    /**
     * One state.
     *
     * @param name its name
     * @param node its mapping
     * @param machine the machine it is in
     */
    public record State(String name, Node node, Machine machine) {

        // the machine and its states refer to each other: compare and print by identity and name
        @Override
        public boolean equals(Object o) {
            return this == o;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(this);
        }

        @Override
        public String toString() {
            return "state '" + name + "' of " + machine.label();
        }

        /** The Type, or {@code ""}. */
        public String type() {
            return node.string("Type").orElse("");
        }

        /** Whether End is true. */
        public boolean end() {
            return node.get("End").map(n -> Boolean.TRUE.equals(n.value())).orElse(false);
        }

        /** Whether the state can end its machine: Succeed, Fail, or End: true. */
        public boolean terminal() {
            return type().equals("Succeed")
                    || type().equals("Fail")
                    || (NEXT_OR_END.contains(type()) && end());
        }

        /** The Retry entries. */
        public List<Node> retriers() {
            return node.get("Retry").map(Node::items).orElse(List.of());
        }

        /** The Catch entries. */
        public List<Node> catchers() {
            return node.get("Catch").map(Node::items).orElse(List.of());
        }

        /** Every transition written in this state (names that are strings). */
        public List<Transition> transitions() {
            List<Transition> out = new ArrayList<>();
            node.get("Next")
                    .ifPresent(
                            n -> n.string().ifPresent(t -> out.add(new Transition(t, n, "Next"))));
            node.get("Default")
                    .ifPresent(
                            n ->
                                    n.string()
                                            .ifPresent(
                                                    t -> out.add(new Transition(t, n, "Default"))));
            node.get("Choices")
                    .ifPresent(
                            choices -> {
                                for (Node choice : choices.items()) {
                                    choice.get("Next")
                                            .ifPresent(
                                                    n ->
                                                            n.string()
                                                                    .ifPresent(
                                                                            t ->
                                                                                    out.add(
                                                                                            new Transition(
                                                                                                    t,
                                                                                                    n,
                                                                                                    "Choices"))));
                                }
                            });
            for (Node catcher : catchers()) {
                catcher.get("Next")
                        .ifPresent(
                                n ->
                                        n.string()
                                                .ifPresent(
                                                        t ->
                                                                out.add(
                                                                        new Transition(
                                                                                t, n, "Catch"))));
            }
            return out;
        }

        /** The state {@code Next} leads to, if it exists. */
        public Optional<State> next() {
            return node.string("Next").map(machine.states()::get);
        }

        /** The states whose Next is this one. */
        public List<State> predecessors() {
            List<State> out = new ArrayList<>();
            for (State s : machine.states().values()) {
                if (s.node.string("Next").map(name::equals).orElse(false)) {
                    out.add(s);
                }
            }
            return out;
        }
    }
}
