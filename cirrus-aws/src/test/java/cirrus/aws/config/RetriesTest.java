package cirrus.aws.config;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

/**
 * The clients retry throttling and server errors with backoff, and do not retry what is state
 * (conditional-check failures). A tiny HTTP server plays DynamoDB with scripted answers.
 */
class RetriesTest {
    private static final String THROTTLED =
            "{\"__type\":\"com.amazonaws.dynamodb.v20120810#ThrottlingException\","
                    + "\"message\":\"Rate of requests exceeds the allowed throughput.\"}";
    private static final String CONDITION_FAILED =
            "{\"__type\":\"com.amazonaws.dynamodb.v20120810#ConditionalCheckFailedException\","
                    + "\"message\":\"The conditional request failed\"}";

    private HttpServer server;
    private final Deque<int[]> statuses = new ArrayDeque<>();
    private final Deque<String> bodies = new ArrayDeque<>();
    private final AtomicInteger requests = new AtomicInteger();
    private AwsClients clients;

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        server.createContext(
                "/",
                exchange -> {
                    requests.incrementAndGet();
                    exchange.getRequestBody().readAllBytes();
                    int[] status;
                    String body;
                    synchronized (statuses) {
                        status = statuses.size() > 1 ? statuses.poll() : statuses.peek();
                        body = bodies.size() > 1 ? bodies.poll() : bodies.peek();
                    }
                    byte[] bytes = body.getBytes(UTF_8);
                    exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.0");
                    exchange.sendResponseHeaders(status[0], bytes.length);
                    exchange.getResponseBody().write(bytes);
                    exchange.close();
                });
        server.start();
        URI endpoint = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        clients =
                new AwsClients(
                        AwsSettings.forEndpoint(endpoint, "us-east-1"),
                        new Retries(
                                4,
                                Duration.ofMillis(1),
                                Duration.ofMillis(2),
                                Duration.ofMillis(20)));
    }

    @AfterEach
    void stopServer() {
        clients.close();
        server.stop(0);
    }

    private void answer(int status, String body) {
        statuses.add(new int[] {status});
        bodies.add(body);
    }

    @Test
    void throttlingIsRetriedUntilItSucceeds() {
        answer(400, THROTTLED);
        answer(400, THROTTLED);
        answer(200, "{\"TableNames\":[\"t\"]}");
        assertThat(clients.dynamoDb().listTables().tableNames()).isEqualTo(List.of("t"));
        assertThat(requests).hasValue(3);
    }

    @Test
    void serverErrorsAreRetriedAndTheLastOneIsReported() {
        answer(500, "{\"__type\":\"InternalServerError\",\"message\":\"boom\"}");
        assertThatThrownBy(() -> clients.dynamoDb().listTables())
                .isInstanceOf(DynamoDbException.class)
                .hasMessageContaining("boom");
        assertThat(requests).hasValue(4);
    }

    @Test
    void conditionalCheckFailuresAreNotRetried() {
        answer(400, CONDITION_FAILED);
        Map<String, AttributeValue> key = Map.of("k", AttributeValue.fromS("v"));
        assertThatThrownBy(() -> clients.dynamoDb().deleteItem(r -> r.tableName("t").key(key)))
                .isInstanceOf(ConditionalCheckFailedException.class);
        assertThat(requests).hasValue(1);
    }

    @Test
    void attemptsMustBePositive() {
        assertThatThrownBy(() -> new Retries(0, Duration.ZERO, Duration.ZERO, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
