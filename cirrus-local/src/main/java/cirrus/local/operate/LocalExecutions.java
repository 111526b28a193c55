package cirrus.local.operate;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;

import cirrus.local.engine.ExecutionRecord;
import cirrus.local.engine.ExecutionStore;
import cirrus.runtime.operate.ExecutionSource;
import cirrus.runtime.operate.ExecutionStatus;
import cirrus.runtime.operate.ExecutionSummary;
import cirrus.runtime.operate.HistoryEvent;

/** Executions and histories from the local engine's execution store. */
final class LocalExecutions implements ExecutionSource {
    private final ExecutionStore store;
    private final Function<String, Optional<JsonNode>> definitions;

    LocalExecutions(ExecutionStore store) {
        this(store, workflow -> Optional.empty());
    }

    /**
     * @param definitions the definition of a workflow (by the name its executions record)
     */
    LocalExecutions(ExecutionStore store, Function<String, Optional<JsonNode>> definitions) {
        this.store = store;
        this.definitions = definitions;
    }

    @Override
    public Optional<JsonNode> definition(String executionArn) {
        return store.get(executionArn).flatMap(e -> definitions.apply(e.workflow()));
    }

    @Override
    public Optional<ExecutionSummary> describe(String executionArn) {
        return store.get(executionArn).map(LocalExecutions::summary);
    }

    static ExecutionSummary summary(ExecutionRecord e) {
        return new ExecutionSummary(
                e.arn(),
                ExecutionStatus.of(e.status().name()),
                Optional.of(e.startTime()),
                e.stopTime(),
                e.error().filter(s -> !s.isEmpty()),
                e.cause().filter(s -> !s.isEmpty()));
    }

    @Override
    public Optional<List<HistoryEvent>> history(String executionArn) {
        if (store.get(executionArn).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(
                store.history(executionArn).stream().map(HistoryEvent::fromJson).toList());
    }
}
