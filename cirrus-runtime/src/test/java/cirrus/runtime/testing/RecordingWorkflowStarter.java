package cirrus.runtime.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cirrus.runtime.port.StartResult;
import cirrus.runtime.port.WorkflowNotFoundException;
import cirrus.runtime.port.WorkflowStarter;

/**
 * A {@link WorkflowStarter} that records executions instead of running them (verified against the
 * contract by {@code RecordingWorkflowStarterTest}). Executions are named like Step Functions ones:
 * {@code <base with :execution:><workflow>:<name>}. A start can be made to fail once.
 */
public final class RecordingWorkflowStarter implements WorkflowStarter {
    /** The base state-machine ARN of the upstream tests' stack. */
    public static final String BASE_ARN =
            "arn:aws:states:us-east-1:123456789012:stateMachine:cirrus-test-";

    private final String base;
    private final Set<String> workflows;
    private final Map<String, String> inputs = new LinkedHashMap<>();
    private final List<String> startCalls = new ArrayList<>();
    private RuntimeException failNext;

    public RecordingWorkflowStarter(String baseStateMachineArn, Set<String> workflows) {
        this.base = baseStateMachineArn;
        this.workflows = Set.copyOf(workflows);
    }

    public RecordingWorkflowStarter(Set<String> workflows) {
        this(BASE_ARN, workflows);
    }

    @Override
    public String executionArn(String workflow, String executionName) {
        return base.replace(":stateMachine:", ":execution:") + workflow + ":" + executionName;
    }

    @Override
    public synchronized StartResult start(String workflow, String executionName, String input) {
        startCalls.add(executionName);
        if (failNext != null) {
            RuntimeException e = failNext;
            failNext = null;
            throw e;
        }
        if (!workflows.contains(workflow)) {
            throw new WorkflowNotFoundException(
                    workflow, "State Machine Does Not Exist: '" + base + workflow + "'");
        }
        String arn = executionArn(workflow, executionName);
        if (inputs.containsKey(arn)) {
            return new StartResult(arn, true);
        }
        inputs.put(arn, input);
        return new StartResult(arn, false);
    }

    /** Makes the next {@link #start} throw {@code error}. */
    public synchronized void failNextStart(RuntimeException error) {
        this.failNext = error;
    }

    /** ARNs of the executions started, in order. */
    public synchronized List<String> executions() {
        return List.copyOf(inputs.keySet());
    }

    /** The input of an execution. */
    public synchronized String inputOf(String executionArn) {
        return inputs.get(executionArn);
    }

    /** Every name {@link #start} was called with, including repeats and failures. */
    public synchronized List<String> startCalls() {
        return List.copyOf(startCalls);
    }
}
