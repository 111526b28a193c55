package cirrus.local.operate;

import java.util.List;
import java.util.Optional;

import cirrus.local.engine.ExecutionRecord;
import cirrus.local.engine.ExecutionStore;
import cirrus.runtime.operate.ExecutionSource;
import cirrus.runtime.operate.ExecutionStatus;
import cirrus.runtime.operate.ExecutionSummary;
import cirrus.runtime.operate.HistoryEvent;

/** Executions and histories from the local engine's execution store. */
final class LocalExecutions implements ExecutionSource {
    private final ExecutionStore store;

    LocalExecutions(ExecutionStore store) {
        this.store = store;
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
