package cirrus.runtime.testing;

import java.util.Set;

import cirrus.runtime.port.WorkflowStarter;
import cirrus.runtime.port.WorkflowStarterContractTest;

class RecordingWorkflowStarterTest extends WorkflowStarterContractTest {
    private RecordingWorkflowStarter recording;

    @Override
    protected WorkflowStarter createStarter() {
        recording = new RecordingWorkflowStarter(Set.of(WORKFLOW));
        return recording;
    }

    @Override
    protected String inputOf(String executionArn) {
        return recording.inputOf(executionArn);
    }
}
