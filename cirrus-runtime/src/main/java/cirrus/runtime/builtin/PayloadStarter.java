package cirrus.runtime.builtin;

import java.util.Objects;
import java.util.Optional;

import cirrus.runtime.events.WorkflowEvents;
import cirrus.runtime.json.Json;
import cirrus.runtime.payload.PayloadId;
import cirrus.runtime.payload.PayloadTransport;
import cirrus.runtime.payload.ProcessPayload;
import cirrus.runtime.port.ClaimRequest;
import cirrus.runtime.port.ClaimResult;
import cirrus.runtime.port.StateRecord;
import cirrus.runtime.port.StoreException;
import cirrus.runtime.port.WorkflowNotFoundException;
import cirrus.runtime.port.WorkflowStartRefused;
import cirrus.runtime.port.WorkflowStarter;
import cirrus.runtime.port.WorkflowState;
import cirrus.runtime.statedb.ExecutionName;

/**
 * Starts one payload's workflow without ever starting two executions for one claim:
 *
 * <ol>
 *   <li>upload the input to {@code s3://<payload bucket>/<id>/input.json};
 *   <li>derive the execution name from the payload id and its execution history and claim the
 *       payload (CLAIMED) with that name — or, if it is CLAIMED already (a crash or a concurrent
 *       delivery), reuse the claimed name;
 *   <li>start the execution by name ("already exists" means someone else did: fine);
 *   <li>move CLAIMED to PROCESSING.
 * </ol>
 *
 * A failure to start leaves the payload CLAIMED, so a redelivery re-attempts with the same name.
 */
final class PayloadStarter {
    /** How a payload ended up. */
    enum Result {
        STARTED,
        SKIPPED,
        FAILED,
        RETRY
    }

    private static final int MAX_CLAIM_ATTEMPTS = 5;

    private final WorkflowEvents events;
    private final WorkflowStarter workflows;
    private final PayloadTransport transport;

    PayloadStarter(WorkflowEvents events, WorkflowStarter workflows, PayloadTransport transport) {
        this.events = Objects.requireNonNull(events, "events");
        this.workflows = Objects.requireNonNull(workflows, "workflows");
        this.transport = Objects.requireNonNull(transport, "transport");
    }

    Result start(ProcessPayload payload, Optional<StateRecord> current, boolean replace) {
        PayloadId id = payload.payloadId();
        String inputUrl = transport.inputUrl(id).toString();
        if (!eligible(current, replace)) {
            events.skipping(id, current.orElseThrow().state(), inputUrl);
            return Result.SKIPPED;
        }
        try {
            transport.blobs().putJson(transport.inputUrl(id), payload.toJson());
        } catch (StoreException e) {
            return Result.RETRY;
        } catch (IllegalArgumentException e) {
            // the store refuses the key for good: retrying cannot help
            events.invalid(id, "the payload cannot be stored: " + e.getMessage(), null, inputUrl);
            return Result.FAILED;
        }
        Optional<String> executionArn = Optional.empty();
        for (int attempt = 0; attempt < MAX_CLAIM_ATTEMPTS && executionArn.isEmpty(); attempt++) {
            if (current.isPresent() && current.get().state() == WorkflowState.CLAIMED) {
                executionArn = current.get().lastExecution();
                events.skipping(id, WorkflowState.CLAIMED, inputUrl);
                if (executionArn.isEmpty()) {
                    return Result.RETRY;
                }
                break;
            }
            if (!eligible(current, replace)) {
                events.skipping(id, current.orElseThrow().state(), inputUrl);
                return Result.SKIPPED;
            }
            ClaimRequest request = claimRequest(payload, current);
            ClaimResult claim = events.claimProcessing(request, inputUrl);
            if (claim instanceof ClaimResult.Claimed) {
                executionArn = Optional.of(request.executionArn());
            } else {
                current = ((ClaimResult.Conflict) claim).current();
            }
        }
        if (executionArn.isEmpty()) {
            return Result.RETRY;
        }
        return run(payload, executionArn.get(), inputUrl);
    }

    private Result run(ProcessPayload payload, String executionArn, String inputUrl) {
        PayloadId id = payload.payloadId();
        String name = executionArn.substring(executionArn.lastIndexOf(':') + 1);
        try {
            String input = Json.write(transport.outgoing(payload));
            workflows.start(payload.workflow(), name, input);
        } catch (WorkflowNotFoundException | WorkflowStartRefused e) {
            events.failed(id, e.getMessage(), Optional.empty(), inputUrl);
            return Result.FAILED;
        } catch (RuntimeException e) {
            // left CLAIMED: a redelivery starts the same execution name again
            return Result.RETRY;
        }
        if (events.startedProcessing(id, executionArn, inputUrl)) {
            return Result.STARTED;
        }
        // a concurrent process moved it on (or it already finished): report where it is
        events.states()
                .state(id)
                .filter(s -> s != WorkflowState.FAILED && s != WorkflowState.ABORTED)
                .ifPresent(s -> events.skipping(id, s, inputUrl));
        return Result.SKIPPED;
    }

    private ClaimRequest claimRequest(ProcessPayload payload, Optional<StateRecord> current) {
        PayloadId id = payload.payloadId();
        var history = current.map(StateRecord::executions).orElse(java.util.List.of());
        String name = ExecutionName.of(id, history.stream().map(events.urls()::execution).toList());
        return new ClaimRequest(
                id, workflows.executionArn(payload.workflow(), name), history.size());
    }

    private static boolean eligible(Optional<StateRecord> current, boolean replace) {
        if (current.isEmpty()) {
            return true;
        }
        WorkflowState state = current.get().state();
        return state.isRetriedByProcess()
                || state == WorkflowState.CLAIMED
                || (replace && state.needsReplaceToRerun());
    }
}
