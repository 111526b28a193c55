package cirrus.local.engine;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import cirrus.local.model.LocalModel;
import cirrus.local.model.LocalNames;
import cirrus.local.model.LocalStateMachine;
import cirrus.runtime.json.Json;
import cirrus.runtime.port.StartResult;
import cirrus.runtime.port.WorkflowNotFoundException;
import cirrus.runtime.port.WorkflowStarter;

/**
 * Starts workflow executions in the local engine, as Step Functions' StartExecution does for {@code
 * process}: the state machine is {@code CIRRUS_BASE_WORKFLOW_ARN + workflow}, the execution ARN
 * {@code arn:aws:states:<region>:000000000000:execution:<state machine>:<name>}, and starting a
 * name that exists returns that execution.
 */
final class LocalWorkflowStarter implements WorkflowStarter {
    private final LocalModel model;
    private final Workflows workflows;
    private final ExecutionDriver driver;
    private final String baseArn;
    private final Map<String, LocalStateMachine> byArn = new HashMap<>();

    LocalWorkflowStarter(LocalModel model, Workflows workflows, ExecutionDriver driver) {
        this.model = model;
        this.workflows = workflows;
        this.driver = driver;
        this.baseArn = model.baseWorkflowArn();
        model.stateMachines().values().forEach(sm -> byArn.put(sm.arn(), sm));
    }

    @Override
    public String executionArn(String workflow, String executionName) {
        return model.names().executionArn(stateMachineName(workflow), executionName);
    }

    private String stateMachineName(String workflow) {
        LocalStateMachine machine = byArn.get(baseArn + workflow);
        return machine != null ? machine.name() : LocalNames.lastPart(baseArn) + workflow;
    }

    @Override
    public StartResult start(String workflow, String executionName, String input) {
        String stateMachineArn = baseArn + workflow;
        LocalStateMachine machine =
                Optional.ofNullable(byArn.get(stateMachineArn))
                        .orElseThrow(
                                () ->
                                        new WorkflowNotFoundException(
                                                workflow,
                                                "State Machine Does Not Exist: '"
                                                        + stateMachineArn
                                                        + "' (the project's workflows are: "
                                                        + String.join(
                                                                ", ",
                                                                model.stateMachines().keySet())
                                                        + ")"));
        Optional<String> problems = workflows.problems(machine.key());
        if (problems.isPresent()) {
            throw new WorkflowNotFoundException(
                    workflow,
                    "the definition of workflow " + workflow + " is invalid: " + problems.get());
        }
        JsonNode parsed = Json.parse(input);
        Optional<String> payloadId =
                parsed.path("id").isTextual()
                        ? Optional.of(parsed.get("id").textValue())
                        : Optional.empty();
        return driver.start(
                machine, executionArn(workflow, executionName), executionName, parsed, payloadId);
    }
}
