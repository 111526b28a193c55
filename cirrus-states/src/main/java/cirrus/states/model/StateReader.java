package cirrus.states.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import cirrus.states.choice.ChoiceRule;
import cirrus.states.choice.Timestamps;

/** Reads one state object into its record, reporting every problem. */
final class StateReader {
    static final Set<String> COMMON = Set.of("Type", "Comment", "QueryLanguage");
    static final Set<String> IO = Set.of("InputPath", "OutputPath");
    static final Set<String> TRANSITION = Set.of("Next", "End");
    static final Set<String> RESULTS =
            Set.of("Parameters", "ResultSelector", "ResultPath", "Retry", "Catch");
    static final Set<String> UNSUPPORTED = Set.of("Assign", "Output", "Arguments");

    private final Problems problems;
    private final BranchStateReader branches;

    StateReader(StateMachineReader machine, Problems problems) {
        this.branches = new BranchStateReader(machine, this, problems);
        this.problems = problems;
    }

    State read(String name, JsonNode node, FieldPath at) {
        if (!node.isObject()) {
            problems.add(DefinitionCode.WRONG_TYPE, at, "a state must be an object");
            return null;
        }
        Fields f = new Fields(node, at, problems);
        String language = f.string("QueryLanguage");
        if (language != null && !language.equals("JSONPath")) {
            problems.add(
                    DefinitionCode.UNSUPPORTED,
                    f.at("QueryLanguage"),
                    "only the JSONPath query language is supported");
        }
        String type = f.requiredString("Type");
        if (type == null) {
            return null;
        }
        return switch (type) {
            case "Pass" -> pass(name, f);
            case "Task" -> task(name, f);
            case "Choice" -> choice(name, f);
            case "Wait" -> waitState(name, f);
            case "Succeed" -> succeed(name, f);
            case "Fail" -> fail(name, f);
            case "Parallel" -> branches.parallel(name, f);
            case "Map" -> branches.map(name, f);
            default -> {
                problems.add(
                        DefinitionCode.UNKNOWN_STATE_TYPE,
                        f.at("Type"),
                        "unknown state type '"
                                + type
                                + "'; use Task, Pass, Choice, Wait, Succeed, Fail, Parallel or Map");
                yield null;
            }
        };
    }

    @SafeVarargs
    static Set<String> allowed(Set<String> specific, Set<String>... groups) {
        Set<String> all = new HashSet<>(COMMON);
        all.addAll(specific);
        for (Set<String> group : groups) {
            all.addAll(group);
        }
        return all;
    }

    private PassState pass(String name, Fields f) {
        f.rejectUnknown(
                allowed(Set.of("Parameters", "Result", "ResultPath"), IO, TRANSITION),
                "a Pass state",
                UNSUPPORTED);
        DataFlow flow =
                new DataFlow(
                        f.path("InputPath"),
                        f.template("Parameters"),
                        null,
                        f.resultPath("ResultPath"),
                        f.path("OutputPath"));
        return new PassState(name, flow, f.raw("Result"), next(f));
    }

    private TaskState task(String name, Fields f) {
        Set<String> fields =
                Set.of(
                        "Resource",
                        "TimeoutSeconds",
                        "TimeoutSecondsPath",
                        "HeartbeatSeconds",
                        "HeartbeatSecondsPath",
                        "Credentials");
        f.rejectUnknown(allowed(fields, IO, TRANSITION, RESULTS), "a Task state", UNSUPPORTED);
        String resource = f.requiredString("Resource");
        f.exclusive("TimeoutSeconds", "TimeoutSecondsPath");
        f.exclusive("HeartbeatSeconds", "HeartbeatSecondsPath");
        Integer timeout = f.intField("TimeoutSeconds", 1, 99_999_999);
        Integer heartbeat = f.intField("HeartbeatSeconds", 1, 99_999_999);
        if (timeout != null && heartbeat != null && heartbeat >= timeout) {
            problems.add(
                    DefinitionCode.CONFLICTING_FIELDS,
                    f.at("HeartbeatSeconds"),
                    "'HeartbeatSeconds' must be smaller than 'TimeoutSeconds'");
        }
        JsonNode credentials = f.raw("Credentials");
        if (credentials != null && !credentials.isObject()) {
            problems.add(
                    DefinitionCode.WRONG_TYPE,
                    f.at("Credentials"),
                    "'Credentials' must be an object");
        }
        return new TaskState(
                name,
                resultFlow(f),
                resource,
                timeout,
                f.referencePath("TimeoutSecondsPath"),
                heartbeat,
                f.referencePath("HeartbeatSecondsPath"),
                credentials,
                ErrorHandlingReader.read(f),
                next(f));
    }

    static DataFlow resultFlow(Fields f) {
        return new DataFlow(
                f.path("InputPath"),
                f.template("Parameters"),
                f.template("ResultSelector"),
                f.resultPath("ResultPath"),
                f.path("OutputPath"));
    }

    private ChoiceState choice(String name, Fields f) {
        noTransition(f, "Choice");
        f.rejectUnknown(
                allowed(Set.of("Choices", "Default"), IO, TRANSITION),
                "a Choice state",
                UNSUPPORTED);
        JsonNode choices = f.raw("Choices");
        List<ChoiceState.Choice> list = new ArrayList<>();
        if (choices == null) {
            problems.add(DefinitionCode.MISSING_FIELD, f.at(), "'Choices' is required");
        } else if (!choices.isArray() || choices.isEmpty()) {
            problems.add(
                    DefinitionCode.WRONG_TYPE,
                    f.at("Choices"),
                    "'Choices' must be a non-empty array of Choice Rules");
        } else {
            ChoiceRuleReader rules = new ChoiceRuleReader(problems);
            for (int i = 0; i < choices.size(); i++) {
                FieldPath at = f.at("Choices").index(i);
                ChoiceRule rule = rules.read(choices.get(i), at, true);
                JsonNode next = choices.get(i).get("Next");
                if (next != null && !next.isTextual()) {
                    problems.add(
                            DefinitionCode.WRONG_TYPE,
                            at.field("Next"),
                            "'Next' must be a state name");
                }
                if (rule != null && next != null && next.isTextual()) {
                    list.add(new ChoiceState.Choice(rule, next.textValue()));
                }
            }
        }
        DataFlow flow =
                new DataFlow(
                        f.path("InputPath"),
                        null,
                        null,
                        DataFlow.DEFAULT.resultPath(),
                        f.path("OutputPath"));
        return new ChoiceState(name, flow, list, f.string("Default"));
    }

    private WaitState waitState(String name, Fields f) {
        f.rejectUnknown(
                allowed(
                        Set.of("Seconds", "SecondsPath", "Timestamp", "TimestampPath"),
                        IO,
                        TRANSITION),
                "a Wait state",
                UNSUPPORTED);
        int given = 0;
        for (String field : List.of("Seconds", "SecondsPath", "Timestamp", "TimestampPath")) {
            given += f.has(field) ? 1 : 0;
        }
        if (given != 1) {
            problems.add(
                    given == 0 ? DefinitionCode.MISSING_FIELD : DefinitionCode.CONFLICTING_FIELDS,
                    f.at(),
                    "a Wait state needs exactly one of Seconds, SecondsPath, Timestamp, TimestampPath");
        }
        Instant timestamp = null;
        String text = f.string("Timestamp");
        if (text != null) {
            timestamp = Timestamps.parse(text);
            if (timestamp == null) {
                problems.add(
                        DefinitionCode.BAD_VALUE,
                        f.at("Timestamp"),
                        "'" + text + "' is not a timestamp such as 2016-03-14T01:59:00Z");
            }
        }
        DataFlow flow =
                new DataFlow(
                        f.path("InputPath"),
                        null,
                        null,
                        DataFlow.DEFAULT.resultPath(),
                        f.path("OutputPath"));
        return new WaitState(
                name,
                flow,
                f.integer("Seconds", 0, 99_999_999),
                f.referencePath("SecondsPath"),
                timestamp,
                f.referencePath("TimestampPath"),
                next(f));
    }

    private SucceedState succeed(String name, Fields f) {
        noTransition(f, "Succeed");
        f.rejectUnknown(allowed(Set.of(), IO, TRANSITION), "a Succeed state", UNSUPPORTED);
        return new SucceedState(
                name,
                new DataFlow(
                        f.path("InputPath"),
                        null,
                        null,
                        DataFlow.DEFAULT.resultPath(),
                        f.path("OutputPath")));
    }

    private FailState fail(String name, Fields f) {
        noTransition(f, "Fail");
        f.rejectUnknown(
                allowed(Set.of("Error", "ErrorPath", "Cause", "CausePath"), TRANSITION),
                "a Fail state",
                UNSUPPORTED);
        f.exclusive("Error", "ErrorPath");
        f.exclusive("Cause", "CausePath");
        return new FailState(
                name,
                f.string("Error"),
                f.expression("ErrorPath"),
                f.string("Cause"),
                f.expression("CausePath"));
    }

    private void noTransition(Fields f, String type) {
        for (String field : TRANSITION) {
            if (f.has(field)) {
                problems.add(
                        DefinitionCode.BAD_TRANSITION,
                        f.at(field),
                        "a " + type + " state is terminal and cannot have '" + field + "'");
            }
        }
    }

    /** The {@code Next} state, or null for {@code End}; reports a missing or double transition. */
    String next(Fields f) {
        String next = f.string("Next");
        Boolean end = f.bool("End");
        if (next != null && Boolean.TRUE.equals(end)) {
            problems.add(
                    DefinitionCode.BAD_TRANSITION,
                    f.at("End"),
                    "a state cannot have both 'Next' and 'End': true");
        } else if (next == null && !Boolean.TRUE.equals(end) && !f.has("Next")) {
            problems.add(
                    DefinitionCode.BAD_TRANSITION, f.at(), "the state needs 'Next' or 'End': true");
        }
        return next;
    }
}
