package cirrus.project;

import java.util.Map;
import java.util.Objects;

/**
 * A workflow ({@code workflows/<name>}): a Step Functions state machine. Its {@code definition.yml}
 * minus {@code enabled} is one entry of serverless-step-functions' {@code
 * stepFunctions.stateMachines}; its description is the state machine's {@code Comment}.
 *
 * @param info identity and definition
 * @param enabled whether it is deployed
 * @param stateMachine the state machine entry, read-only
 */
public record Workflow(ComponentInfo info, boolean enabled, Map<String, Object> stateMachine)
        implements Component {
    public Workflow {
        Objects.requireNonNull(info, "info");
        stateMachine = Trees.freeze(stateMachine);
    }

    @Override
    public boolean isActive() {
        return enabled;
    }
}
