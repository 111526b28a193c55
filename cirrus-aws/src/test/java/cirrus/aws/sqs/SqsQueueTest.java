package cirrus.aws.sqs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import cirrus.aws.config.AwsClients;
import cirrus.aws.moto.MotoAws;
import cirrus.aws.moto.MotoExtension;
import cirrus.aws.moto.MotoServer;
import cirrus.runtime.port.Queue;
import cirrus.runtime.port.QueueContractTest;

@ExtendWith(MotoExtension.class)
class SqsQueueTest extends QueueContractTest {
    private static AwsClients clients;

    private static AwsClients clients() {
        if (clients == null) {
            clients = MotoAws.clients(MotoServer.shared());
        }
        return clients;
    }

    @AfterAll
    static void closeClients() {
        if (clients != null) {
            clients.close();
            clients = null;
        }
    }

    @Override
    protected Queue createQueue(String name) {
        return new SqsQueue(clients().sqs(), MotoAws.createQueue(clients().sqs(), name));
    }

    @Override
    protected QueueWithDeadLetter createQueueWithDeadLetter(String name, int maxReceiveCount) {
        String dlq = MotoAws.createQueue(clients().sqs(), name + "-dead-letter");
        String dlqArn = MotoAws.queueArn(clients().sqs(), dlq);
        String url =
                clients()
                        .sqs()
                        .createQueue(
                                r ->
                                        r.queueName(name)
                                                .attributes(
                                                        Map.of(
                                                                QueueAttributeName.REDRIVE_POLICY,
                                                                "{\"deadLetterTargetArn\": \""
                                                                        + dlqArn
                                                                        + "\", \"maxReceiveCount\": "
                                                                        + maxReceiveCount
                                                                        + "}")))
                        .queueUrl();
        return new QueueWithDeadLetter(
                new SqsQueue(clients().sqs(), url), new SqsQueue(clients().sqs(), dlq));
    }

    @Test
    void unknownReceiptHandlesAreIgnored() {
        Queue queue = createQueue("ignored-handles");
        queue.delete("not-a-real-handle");
        queue.deleteBatch(List.of("nope-1", "nope-2"));
        assertThat(queue.approximateCount()).isZero();
    }

    @Test
    void batchesLargerThanTenAreSplit() {
        Queue queue = createQueue("split");
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < 31; i++) {
            bodies.add("m" + i);
        }
        assertThat(queue.sendBatch(bodies)).hasSize(31).doesNotContainNull();
        assertThat(queue.approximateCount()).isEqualTo(31);
    }
}
