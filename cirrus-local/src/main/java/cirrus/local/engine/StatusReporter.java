package cirrus.local.engine;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cirrus.local.model.LocalNames;
import cirrus.runtime.builtin.UpdateStateFunction;
import cirrus.runtime.json.Json;
import cirrus.runtime.statedb.IsoTime;

/**
 * Delivers "Step Functions Execution Status Change" events to update-state, like EventBridge does
 * on AWS: every ended execution not yet reported is handed to {@link UpdateStateFunction} (state,
 * workflow events, chaining into the process queue), then marked reported. This is an outbox: an
 * execution that ended before a crash is reported after the restart (update-state may see it twice,
 * which it tolerates). An event update-state keeps rejecting is given up after {@value #ATTEMPTS}
 * tries, as EventBridge moves it to the dead-letter queue.
 */
final class StatusReporter implements AutoCloseable {
    static final int ATTEMPTS = 3;

    private final ExecutionStore store;
    private final UpdateStateFunction updateState;
    private final LocalNames names;
    private final Semaphore signal = new Semaphore(0);
    private final Map<String, Integer> failures = new HashMap<>();
    private final Thread thread;
    private volatile boolean closed;

    StatusReporter(ExecutionStore store, UpdateStateFunction updateState, LocalNames names) {
        this.store = store;
        this.updateState = updateState;
        this.names = names;
        this.thread = new Thread(this::loop, "cirrus-update-state");
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** An execution ended: report it soon. */
    void wake() {
        signal.release();
    }

    private void loop() {
        while (!closed) {
            try {
                signal.tryAcquire(500, TimeUnit.MILLISECONDS);
                signal.drainPermits();
                for (ExecutionRecord e : store.unreported()) {
                    if (closed) {
                        return;
                    }
                    report(e);
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                System.err.println("cirrus: update-state: " + e.getMessage());
            }
        }
    }

    private void report(ExecutionRecord e) {
        try {
            updateState.handle(event(e));
            store.markReported(e.arn());
            failures.remove(e.arn());
        } catch (RuntimeException ex) {
            int n = failures.merge(e.arn(), 1, Integer::sum);
            System.err.println(
                    "cirrus: update-state failed for "
                            + e.arn()
                            + " (attempt "
                            + n
                            + "): "
                            + ex.getMessage());
            if (n >= ATTEMPTS) {
                store.markReported(e.arn());
                failures.remove(e.arn());
            }
        }
    }

    /** The EventBridge event of an ended execution. */
    ObjectNode event(ExecutionRecord e) {
        ObjectNode event = JsonNodeFactory.instance.objectNode();
        event.put("version", "0");
        event.put("id", UUID.randomUUID().toString());
        event.put("detail-type", "Step Functions Execution Status Change");
        event.put("source", "aws.states");
        event.put("account", LocalNames.ACCOUNT_ID);
        event.put("time", IsoTime.format(e.stopTime().orElse(e.startTime())));
        event.put("region", names.region());
        event.putArray("resources").add(e.arn());
        ObjectNode detail = event.putObject("detail");
        detail.put("executionArn", e.arn());
        String machineName = e.arn().split(":")[6];
        detail.put("stateMachineArn", names.stateMachineArn(machineName));
        detail.put("name", e.name());
        detail.put("status", e.status().name());
        detail.put("startDate", e.startTime().toEpochMilli());
        e.stopTime().ifPresent(t -> detail.put("stopDate", t.toEpochMilli()));
        detail.put("input", Json.write(e.input()));
        if (e.output().isPresent()) {
            detail.put("output", Json.write(e.output().get()));
        } else {
            detail.putNull("output");
        }
        if (e.error().filter(s -> !s.isEmpty()).isPresent()) {
            detail.put("error", e.error().get());
            detail.put("cause", e.cause().orElse(""));
        }
        return event;
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
