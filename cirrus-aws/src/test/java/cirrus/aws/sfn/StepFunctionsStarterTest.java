package cirrus.aws.sfn;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.extension.ExtendWith;

import cirrus.aws.config.AwsClients;
import cirrus.aws.moto.MotoAws;
import cirrus.aws.moto.MotoExtension;
import cirrus.aws.moto.MotoServer;
import cirrus.runtime.port.WorkflowStarter;
import cirrus.runtime.port.WorkflowStarterContractTest;

@ExtendWith(MotoExtension.class)
class StepFunctionsStarterTest extends WorkflowStarterContractTest {
    static final String BASE =
            "arn:aws:states:" + MotoAws.REGION + ":" + MotoAws.ACCOUNT + ":stateMachine:";
    private static AwsClients clients;

    @AfterAll
    static void closeClients() {
        if (clients != null) {
            clients.close();
            clients = null;
        }
    }

    @Override
    protected WorkflowStarter createStarter() {
        if (clients == null) {
            clients = MotoAws.clients(MotoServer.shared());
        }
        clients.sfn()
                .createStateMachine(
                        r ->
                                r.name(WORKFLOW)
                                        .roleArn(MotoAws.ROLE)
                                        .definition(
                                                "{\"StartAt\": \"Wait\", \"States\": {\"Wait\":"
                                                        + " {\"Type\": \"Wait\", \"Seconds\": 30,"
                                                        + " \"End\": true}}}"));
        return new StepFunctionsStarter(clients.sfn(), BASE);
    }

    @Override
    protected String inputOf(String executionArn) {
        return clients.sfn().describeExecution(r -> r.executionArn(executionArn)).input();
    }
}
