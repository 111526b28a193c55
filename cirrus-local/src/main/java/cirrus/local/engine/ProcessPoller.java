package cirrus.local.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cirrus.runtime.builtin.ProcessFunction;
import cirrus.runtime.builtin.ProcessOutcome;
import cirrus.runtime.port.Queue;
import cirrus.runtime.port.ReceivedMessage;

/**
 * Feeds the process queue to the {@code process} function, as the SQS event source mapping does on
 * AWS: up to {@value #BATCH} messages per call, wrapped as SQS records; the messages of processed
 * payloads are deleted, the others stay and come back after the visibility timeout (and go to the
 * dead-letter queue after {@code maxReceiveCount} deliveries).
 */
final class ProcessPoller implements AutoCloseable {
    static final int BATCH = 10;

    private final Queue queue;
    private final String queueArn;
    private final ProcessFunction process;
    private final Duration visibility;
    private final Semaphore signal = new Semaphore(0);
    private final Thread thread;
    private volatile boolean closed;
    private volatile long processedMessages;

    ProcessPoller(Queue queue, String queueArn, ProcessFunction process, Duration visibility) {
        this.queue = queue;
        this.queueArn = queueArn;
        this.process = process;
        this.visibility = visibility;
        this.thread = new Thread(this::loop, "cirrus-process");
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** Messages were sent: poll now. */
    void wake() {
        signal.release();
    }

    long processedMessages() {
        return processedMessages;
    }

    private void loop() {
        while (!closed) {
            try {
                List<ReceivedMessage> messages = queue.receive(BATCH, visibility);
                if (messages.isEmpty()) {
                    signal.tryAcquire(100, TimeUnit.MILLISECONDS);
                    signal.drainPermits();
                    continue;
                }
                handle(messages);
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                if (closed) {
                    return;
                }
                System.err.println("cirrus: process: " + e.getMessage());
                sleep();
            }
        }
    }

    private void handle(List<ReceivedMessage> messages) {
        ObjectNode event = JsonNodeFactory.instance.objectNode();
        ArrayNode records = event.putArray("Records");
        for (ReceivedMessage m : messages) {
            ObjectNode r = records.addObject();
            r.put("messageId", m.messageId());
            r.put("receiptHandle", m.receiptHandle());
            r.put("body", m.body());
            r.putObject("attributes")
                    .put("ApproximateReceiveCount", Integer.toString(m.receiveCount()));
            r.put("eventSource", "aws:sqs");
            r.put("eventSourceARN", queueArn);
        }
        ProcessOutcome outcome = process.handle(event);
        List<String> done = new ArrayList<>();
        for (JsonNode r : outcome.processedSqsRecords()) {
            done.add(r.path("receiptHandle").asText());
        }
        if (!outcome.hasFailures()) {
            done.clear();
            messages.forEach(m -> done.add(m.receiptHandle()));
        }
        queue.deleteBatch(done);
        processedMessages += done.size();
    }

    private void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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
