package cirrus.states.model;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import cirrus.states.path.PayloadTemplate;
import cirrus.states.path.ReferencePath;

/** Reads Parallel and Map states, whose branches and item processors are graphs of their own. */
final class BranchStateReader {
    private final StateMachineReader machine;
    private final StateReader states;
    private final Problems problems;

    BranchStateReader(StateMachineReader machine, StateReader states, Problems problems) {
        this.machine = machine;
        this.states = states;
        this.problems = problems;
    }

    ParallelState parallel(String name, Fields f) {
        f.rejectUnknown(
                StateReader.allowed(
                        Set.of("Branches"),
                        StateReader.IO,
                        StateReader.TRANSITION,
                        StateReader.RESULTS),
                "a Parallel state",
                StateReader.UNSUPPORTED);
        JsonNode branches = f.raw("Branches");
        List<StateGraph> graphs = new ArrayList<>();
        if (branches == null) {
            problems.add(DefinitionCode.MISSING_FIELD, f.at(), "'Branches' is required");
        } else if (!branches.isArray() || branches.isEmpty()) {
            problems.add(
                    DefinitionCode.WRONG_TYPE,
                    f.at("Branches"),
                    "'Branches' must be a non-empty array of {StartAt, States}");
        } else {
            for (int i = 0; i < branches.size(); i++) {
                StateGraph graph =
                        machine.graph(
                                branches.get(i),
                                f.at("Branches").index(i),
                                Set.of("StartAt", "States", "Comment"));
                if (graph != null) {
                    graphs.add(graph);
                }
            }
        }
        return new ParallelState(
                name,
                StateReader.resultFlow(f),
                graphs,
                ErrorHandlingReader.read(f),
                states.next(f));
    }

    MapState map(String name, Fields f) {
        Set<String> fields =
                Set.of(
                        "ItemProcessor",
                        "Iterator",
                        "ItemsPath",
                        "ItemSelector",
                        "MaxConcurrency",
                        "MaxConcurrencyPath",
                        "ToleratedFailurePercentage",
                        "ToleratedFailurePercentagePath",
                        "ToleratedFailureCount",
                        "ToleratedFailureCountPath",
                        "Label");
        Set<String> unsupported = new HashSet<>(StateReader.UNSUPPORTED);
        unsupported.addAll(Set.of("ItemReader", "ItemBatcher", "ResultWriter"));
        f.rejectUnknown(
                StateReader.allowed(
                        fields, StateReader.IO, StateReader.TRANSITION, StateReader.RESULTS),
                "a Map state",
                unsupported);
        String processorField = f.has("ItemProcessor") ? "ItemProcessor" : "Iterator";
        f.exclusive("ItemProcessor", "Iterator");
        f.exclusive("ItemSelector", "Parameters");
        f.exclusive("MaxConcurrency", "MaxConcurrencyPath");
        f.exclusive("ToleratedFailurePercentage", "ToleratedFailurePercentagePath");
        f.exclusive("ToleratedFailureCount", "ToleratedFailureCountPath");
        StateGraph processor = null;
        if (!f.has(processorField)) {
            problems.add(DefinitionCode.MISSING_FIELD, f.at(), "'ItemProcessor' is required");
        } else {
            processor =
                    machine.graph(
                            f.raw(processorField),
                            f.at(processorField),
                            Set.of("StartAt", "States", "Comment", "ProcessorConfig"));
            checkProcessorConfig(
                    f.raw(processorField).get("ProcessorConfig"),
                    f.at(processorField).field("ProcessorConfig"));
        }
        PayloadTemplate selector =
                f.has("ItemSelector") ? f.template("ItemSelector") : f.template("Parameters");
        DataFlow flow =
                new DataFlow(
                        f.path("InputPath"),
                        null,
                        f.template("ResultSelector"),
                        f.resultPath("ResultPath"),
                        f.path("OutputPath"));
        ReferencePath itemsPath = f.has("ItemsPath") ? f.referencePath("ItemsPath") : null;
        return new MapState(
                name,
                flow,
                processor,
                itemsPath == null ? ReferencePath.ROOT : itemsPath,
                selector,
                f.intField("MaxConcurrency", 0, Integer.MAX_VALUE),
                f.referencePath("MaxConcurrencyPath"),
                f.number("ToleratedFailurePercentage", 0, 100),
                f.referencePath("ToleratedFailurePercentagePath"),
                f.intField("ToleratedFailureCount", 0, Integer.MAX_VALUE),
                f.referencePath("ToleratedFailureCountPath"),
                ErrorHandlingReader.read(f),
                states.next(f));
    }

    private void checkProcessorConfig(JsonNode config, FieldPath at) {
        if (config == null) {
            return;
        }
        if (!config.isObject()) {
            problems.add(DefinitionCode.WRONG_TYPE, at, "'ProcessorConfig' must be an object");
            return;
        }
        Fields f = new Fields(config, at, problems);
        f.rejectUnknown(Set.of("Mode", "ExecutionType"), "ProcessorConfig", Set.of());
        String mode = f.string("Mode");
        if (mode != null && !mode.equals("INLINE") && !mode.equals("DISTRIBUTED")) {
            problems.add(
                    DefinitionCode.BAD_VALUE,
                    at.field("Mode"),
                    "'Mode' must be INLINE or DISTRIBUTED");
        }
    }
}
