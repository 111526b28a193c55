package cirrus.states.model;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads and validates a state machine definition (Amazon States Language, JSONPath dialect) from
 * its JSON tree. All problems are found in one pass and reported with the location of the offending
 * field; nothing runs until a definition is valid.
 *
 * @see <a href="https://states-language.net/spec.html">Amazon States Language</a>
 */
public final class StateMachineReader {
    /** States names are at most 80 characters long. */
    public static final int MAX_STATE_NAME = 80;

    private static final Set<String> TOP_LEVEL =
            Set.of("StartAt", "States", "Comment", "Version", "TimeoutSeconds", "QueryLanguage");

    private final Problems problems = new Problems();
    private final StateReader stateReader = new StateReader(this, problems);

    private StateMachineReader() {}

    /**
     * Reads a definition.
     *
     * @throws DefinitionException listing every problem when the definition is invalid
     */
    public static StateMachine read(JsonNode definition) throws DefinitionException {
        StateMachineReader reader = new StateMachineReader();
        StateMachine machine = reader.machine(definition);
        if (!reader.problems.isEmpty()) {
            throw new DefinitionException(reader.problems.list());
        }
        return machine;
    }

    /** Every problem of a definition; empty when it is valid. */
    public static List<DefinitionError> check(JsonNode definition) {
        StateMachineReader reader = new StateMachineReader();
        reader.machine(definition);
        return reader.problems.list();
    }

    private StateMachine machine(JsonNode definition) {
        if (definition == null || !definition.isObject()) {
            problems.add(
                    DefinitionCode.NOT_A_DEFINITION,
                    FieldPath.ROOT,
                    "a state machine definition must be a JSON object with StartAt and States");
            return null;
        }
        Fields f = new Fields(definition, FieldPath.ROOT, problems);
        String language = f.string("QueryLanguage");
        if (language != null && !language.equals("JSONPath")) {
            problems.add(
                    DefinitionCode.UNSUPPORTED,
                    f.at("QueryLanguage"),
                    "only the JSONPath query language is supported");
        }
        String version = f.string("Version");
        if (version != null && !version.equals("1.0")) {
            problems.add(DefinitionCode.BAD_VALUE, f.at("Version"), "'Version' must be \"1.0\"");
        }
        Integer timeout = f.intField("TimeoutSeconds", 1, 99_999_999);
        StateGraph root = graph(definition, FieldPath.ROOT, TOP_LEVEL);
        return root == null ? null : new StateMachine(root, f.string("Comment"), timeout);
    }

    /** Reads {@code {StartAt, States}} at {@code at}; null when it cannot be built. */
    StateGraph graph(JsonNode node, FieldPath at, Set<String> allowed) {
        if (node == null || !node.isObject()) {
            problems.add(
                    DefinitionCode.WRONG_TYPE, at, "must be an object with StartAt and States");
            return null;
        }
        Fields f = new Fields(node, at, problems);
        f.rejectUnknown(
                allowed, at.segments().isEmpty() ? "a state machine" : "a branch", Set.of());
        String startAt = f.requiredString("StartAt");
        JsonNode statesNode = node.get("States");
        if (statesNode == null) {
            problems.add(DefinitionCode.MISSING_FIELD, at, "'States' is required");
            return null;
        }
        if (!statesNode.isObject() || statesNode.isEmpty()) {
            problems.add(
                    DefinitionCode.WRONG_TYPE,
                    at.field("States"),
                    "'States' must be a non-empty object of states");
            return null;
        }
        int before = problems.count();
        Map<String, State> states = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = statesNode.properties().iterator();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String name = field.getKey();
            FieldPath stateAt = at.field("States").field(name);
            if (name.isEmpty() || name.length() > MAX_STATE_NAME) {
                problems.add(
                        DefinitionCode.BAD_STATE_NAME,
                        stateAt,
                        "state names must have 1 to " + MAX_STATE_NAME + " characters");
            }
            State state = stateReader.read(name, field.getValue(), stateAt);
            if (state != null) {
                states.put(name, state);
            }
        }
        if (startAt == null) {
            return null;
        }
        StateGraph graph = new StateGraph(at.toString(), startAt, states);
        Set<String> declared = new LinkedHashSet<>();
        statesNode.fieldNames().forEachRemaining(declared::add);
        new GraphChecker(graph, declared, at, problems).check(problems.count() == before);
        return graph;
    }
}
