package cirrus.states.model;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;

/**
 * Whole-graph rules: {@code StartAt} and every transition name a state of the same graph, and every
 * state is reachable from {@code StartAt}.
 */
final class GraphChecker {
    private final StateGraph graph;
    private final Set<String> declared;
    private final FieldPath at;
    private final Problems problems;

    /**
     * @param declared every state name in {@code States}, including those that failed to read (they
     *     are not in the graph but transitions to them are not errors of their own)
     */
    GraphChecker(StateGraph graph, Set<String> declared, FieldPath at, Problems problems) {
        this.graph = graph;
        this.declared = declared;
        this.at = at;
        this.problems = problems;
    }

    /** Checks transitions; checks reachability too when the graph is otherwise sound. */
    void check(boolean sound) {
        if (!declared.contains(graph.startAt())) {
            problems.add(
                    DefinitionCode.UNKNOWN_STATE,
                    at.field("StartAt"),
                    "'StartAt' is '"
                            + graph.startAt()
                            + "' but there is no such state; states: "
                            + declared);
            return;
        }
        boolean ok = true;
        for (State state : graph.states().values()) {
            ok &= targetsExist(state);
        }
        if (ok && sound) {
            reachability();
        }
    }

    private boolean targetsExist(State state) {
        FieldPath stateAt = at.field("States").field(state.name());
        boolean ok = true;
        String next = next(state);
        if (next != null) {
            ok &= exists(next, stateAt.field("Next"));
        }
        if (state instanceof ChoiceState choice) {
            for (int i = 0; i < choice.choices().size(); i++) {
                ok &=
                        exists(
                                choice.choices().get(i).next(),
                                stateAt.field("Choices").index(i).field("Next"));
            }
            if (choice.defaultState() != null) {
                ok &= exists(choice.defaultState(), stateAt.field("Default"));
            }
        }
        ErrorHandling handling = errorHandling(state);
        for (int i = 0; i < handling.catchers().size(); i++) {
            String target = handling.catchers().get(i).next();
            if (target != null) {
                ok &= exists(target, stateAt.field("Catch").index(i).field("Next"));
            }
        }
        return ok;
    }

    private boolean exists(String name, FieldPath where) {
        if (declared.contains(name)) {
            return true;
        }
        problems.add(
                DefinitionCode.UNKNOWN_STATE,
                where,
                "no state named '" + name + "' in this scope; states: " + declared);
        return false;
    }

    private void reachability() {
        Set<String> seen = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>();
        todo.add(graph.startAt());
        while (!todo.isEmpty()) {
            String name = todo.pop();
            if (!seen.add(name)) {
                continue;
            }
            State state = graph.state(name);
            String next = next(state);
            if (next != null) {
                todo.add(next);
            }
            if (state instanceof ChoiceState choice) {
                choice.choices().forEach(c -> todo.add(c.next()));
                if (choice.defaultState() != null) {
                    todo.add(choice.defaultState());
                }
            }
            errorHandling(state).catchers().forEach(c -> todo.add(c.next()));
        }
        for (String name : graph.states().keySet()) {
            if (!seen.contains(name)) {
                problems.add(
                        DefinitionCode.UNREACHABLE_STATE,
                        at.field("States").field(name),
                        "state '" + name + "' is not reachable from '" + graph.startAt() + "'");
            }
        }
    }

    static String next(State state) {
        if (state instanceof PassState s) {
            return s.next();
        } else if (state instanceof TaskState s) {
            return s.next();
        } else if (state instanceof WaitState s) {
            return s.next();
        } else if (state instanceof ParallelState s) {
            return s.next();
        } else if (state instanceof MapState s) {
            return s.next();
        }
        return null;
    }

    static ErrorHandling errorHandling(State state) {
        if (state instanceof TaskState s) {
            return s.errorHandling();
        } else if (state instanceof ParallelState s) {
            return s.errorHandling();
        } else if (state instanceof MapState s) {
            return s.errorHandling();
        }
        return ErrorHandling.NONE;
    }
}
