package cirrus.runtime.port;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * What every {@link Queue} must do: at-least-once delivery with visibility timeouts, receipt
 * handles, receive counts and redrive to a dead-letter queue after {@code maxReceiveCount}
 * deliveries. Only what SQS standard queues guarantee is asserted (no ordering).
 */
public abstract class QueueContractTest {
    private static final Duration LONG = Duration.ofMinutes(5);

    /** A new, empty queue without a dead-letter queue. */
    protected abstract Queue createQueue(String name) throws Exception;

    /**
     * A new, empty queue that redrives to a new, empty dead-letter queue after {@code
     * maxReceiveCount} deliveries.
     */
    protected abstract QueueWithDeadLetter createQueueWithDeadLetter(
            String name, int maxReceiveCount) throws Exception;

    /** A queue and its dead-letter queue. */
    public record QueueWithDeadLetter(Queue queue, Queue deadLetter) {}

    /** Receives until {@code expected} messages arrived or a bounded number of tries is used up. */
    private static List<ReceivedMessage> receiveAll(
            Queue queue, int expected, Duration visibility) {
        List<ReceivedMessage> all = new ArrayList<>();
        for (int tries = 0; tries < 50 && all.size() < expected; tries++) {
            all.addAll(queue.receive(10, visibility));
        }
        return all;
    }

    @Test
    void aSentMessageIsReceivedWithItsBodyAndCountOne() throws Exception {
        Queue queue = createQueue("contract-basic");
        String id = queue.send("{\"id\": \"a\"}");
        List<ReceivedMessage> got = receiveAll(queue, 1, LONG);
        assertThat(got).hasSize(1);
        ReceivedMessage m = got.get(0);
        assertThat(m.messageId()).isEqualTo(id);
        assertThat(m.body()).isEqualTo("{\"id\": \"a\"}");
        assertThat(m.receiveCount()).isEqualTo(1);
        assertThat(m.receiptHandle()).isNotBlank();
    }

    @Test
    void anEmptyQueueReturnsNothingAtOnce() throws Exception {
        Queue queue = createQueue("contract-empty");
        assertThat(queue.receive(10, LONG)).isEmpty();
        assertThat(queue.approximateCount()).isZero();
    }

    @Test
    void aReceivedMessageIsHiddenUntilItsVisibilityTimeoutEnds() throws Exception {
        Queue queue = createQueue("contract-hidden");
        queue.send("x");
        assertThat(receiveAll(queue, 1, LONG)).hasSize(1);
        assertThat(queue.receive(10, LONG)).isEmpty();
        assertThat(queue.approximateCount()).isEqualTo(1);
    }

    @Test
    void aMessageMadeVisibleAgainIsRedeliveredWithAHigherCount() throws Exception {
        Queue queue = createQueue("contract-redeliver");
        queue.send("again");
        ReceivedMessage first = receiveAll(queue, 1, LONG).get(0);
        queue.changeVisibility(first.receiptHandle(), Duration.ZERO);
        List<ReceivedMessage> second = receiveAll(queue, 1, LONG);
        assertThat(second).hasSize(1);
        assertThat(second.get(0).messageId()).isEqualTo(first.messageId());
        assertThat(second.get(0).body()).isEqualTo("again");
        assertThat(second.get(0).receiveCount()).isEqualTo(2);
    }

    @Test
    void aDeletedMessageIsNeverRedelivered() throws Exception {
        Queue queue = createQueue("contract-delete");
        queue.send("gone");
        queue.send("stays");
        List<ReceivedMessage> got = receiveAll(queue, 2, Duration.ZERO.plusSeconds(1));
        ReceivedMessage gone =
                got.stream().filter(m -> m.body().equals("gone")).findFirst().orElseThrow();
        queue.delete(gone.receiptHandle());
        assertThat(queue.approximateCount()).isEqualTo(1);
        ReceivedMessage stays =
                got.stream().filter(m -> m.body().equals("stays")).findFirst().orElseThrow();
        queue.changeVisibility(stays.receiptHandle(), Duration.ZERO);
        List<ReceivedMessage> later = receiveAll(queue, 1, LONG);
        assertThat(later).extracting(ReceivedMessage::body).containsExactly("stays");
    }

    @Test
    void aBatchIsDeliveredCompletelyAndDeletedCompletely() throws Exception {
        Queue queue = createQueue("contract-batch");
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < 23; i++) {
            bodies.add("{\"n\": " + i + "}");
        }
        List<String> ids = queue.sendBatch(bodies);
        assertThat(ids).hasSize(23).doesNotHaveDuplicates();
        assertThat(queue.approximateCount()).isEqualTo(23);
        List<ReceivedMessage> got = receiveAll(queue, 23, LONG);
        assertThat(got)
                .extracting(ReceivedMessage::body)
                .containsExactlyInAnyOrderElementsOf(bodies);
        assertThat(got).allSatisfy(m -> assertThat(m.receiveCount()).isEqualTo(1));
        queue.deleteBatch(got.stream().map(ReceivedMessage::receiptHandle).toList());
        assertThat(queue.approximateCount()).isZero();
    }

    @Test
    void receiveReturnsAtMostMaxMessages() throws Exception {
        Queue queue = createQueue("contract-max");
        queue.sendBatch(List.of("1", "2", "3", "4", "5"));
        assertThat(queue.receive(2, LONG).size()).isBetween(0, 2);
    }

    @Test
    void afterMaxReceiveCountDeliveriesAMessageMovesToTheDeadLetterQueue() throws Exception {
        QueueWithDeadLetter pair = createQueueWithDeadLetter("contract-redrive", 3);
        pair.queue().send("poison");
        Set<Integer> counts = new HashSet<>();
        for (int delivery = 1; delivery <= 3; delivery++) {
            List<ReceivedMessage> got = receiveAll(pair.queue(), 1, LONG);
            assertThat(got).hasSize(1);
            counts.add(got.get(0).receiveCount());
            pair.queue().changeVisibility(got.get(0).receiptHandle(), Duration.ZERO);
        }
        assertThat(counts).containsExactlyInAnyOrder(1, 2, 3);
        assertThat(pair.queue().receive(10, LONG)).isEmpty();
        List<ReceivedMessage> dead = receiveAll(pair.deadLetter(), 1, LONG);
        assertThat(dead).extracting(ReceivedMessage::body).containsExactly("poison");
        assertThat(pair.queue().approximateCount()).isZero();
    }

    @Test
    void theNameIsTheOneGivenAtCreation() throws Exception {
        assertThat(createQueue("contract-named").name()).isEqualTo("contract-named");
    }
}
