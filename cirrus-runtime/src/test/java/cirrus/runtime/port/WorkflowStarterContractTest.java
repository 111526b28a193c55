package cirrus.runtime.port;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cirrus.runtime.json.Json;

/**
 * What every {@link WorkflowStarter} must do: start by name, report the ARN before starting,
 * tolerate starting the same name twice, and fail clearly for an unknown workflow.
 */
public abstract class WorkflowStarterContractTest {
    protected static final String WORKFLOW = "contract-workflow";

    protected WorkflowStarter starter;

    /** A starter for which the workflow {@link #WORKFLOW} exists (and no other). */
    protected abstract WorkflowStarter createStarter() throws Exception;

    /** The input the execution {@code executionArn} was started with. */
    protected abstract String inputOf(String executionArn) throws Exception;

    @BeforeEach
    void setUpStarter() throws Exception {
        starter = createStarter();
    }

    @Test
    void theArnIsKnownBeforeStartingAndNamesTheExecution() {
        String arn = starter.executionArn(WORKFLOW, "e9f03ec2-5186-5863-9083-8f0dbb555e07");
        assertThat(arn).endsWith(":e9f03ec2-5186-5863-9083-8f0dbb555e07").contains(WORKFLOW);
        assertThat(starter.executionArn(WORKFLOW, "e9f03ec2-5186-5863-9083-8f0dbb555e07"))
                .isEqualTo(arn);
        assertThat(starter.executionArn(WORKFLOW, "other")).isNotEqualTo(arn);
    }

    @Test
    void startRunsTheWorkflowUnderThePlannedArnWithTheInput() throws Exception {
        StartResult result = starter.start(WORKFLOW, "name-1", "{\"id\": \"x/workflow-y/z\"}");
        assertThat(result.alreadyExisted()).isFalse();
        assertThat(result.executionArn()).isEqualTo(starter.executionArn(WORKFLOW, "name-1"));
        assertThat(Json.parse(inputOf(result.executionArn())))
                .isEqualTo(Json.parse("{\"id\": \"x/workflow-y/z\"}"));
    }

    @Test
    void startingTheSameNameAgainReturnsTheExistingExecution() {
        StartResult first = starter.start(WORKFLOW, "name-2", "{}");
        StartResult again = starter.start(WORKFLOW, "name-2", "{}");
        assertThat(again.alreadyExisted()).isTrue();
        assertThat(again.executionArn()).isEqualTo(first.executionArn());
    }

    @Test
    void anUnknownWorkflowIsReportedAsSuch() {
        assertThatThrownBy(() -> starter.start("no-such-workflow", "n", "{}"))
                .isInstanceOfSatisfying(
                        WorkflowNotFoundException.class,
                        e -> assertThat(e.workflow()).isEqualTo("no-such-workflow"));
    }
}
