package cirrus.bench.operate;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

import cirrus.aws.config.AwsClients;
import cirrus.aws.config.AwsSettings;
import cirrus.aws.dynamodb.StateTable;
import cirrus.aws.operate.AwsOperations;
import cirrus.aws.operate.DeployedStack;
import cirrus.runtime.operate.PayloadFilter;
import cirrus.runtime.operate.PipelineOperations;
import cirrus.runtime.operate.WorkflowCounts;
import cirrus.runtime.port.LogReader;
import cirrus.runtime.port.WorkflowState;
import cirrus.runtime.statedb.IsoTime;

/**
 * How long {@code cirrus payload list --stage S} takes to count the payloads of a state table with
 * N items (default 100,000) on moto_server: the counts of one workflow (index queries with {@code
 * Select=COUNT}, paged), and the counts of every workflow (plus the key-only scan that finds the
 * {@code collections_workflow} keys). Starts its own moto_server on 127.0.0.1 and a free port.
 *
 * <p>Run: {@code java -cp <classpath> cirrus.bench.operate.StateCountsBenchmark [items]
 * [--queries-only]} ({@code --queries-only} skips the all-workflows count and its key scan).
 */
public final class StateCountsBenchmark {
    private static final String TABLE = "bench-state";
    private static final List<String> WORKFLOWS = List.of("cog", "stac", "publish", "ingest");
    private static final WorkflowState[] STATES = {
        WorkflowState.COMPLETED,
        WorkflowState.COMPLETED,
        WorkflowState.COMPLETED,
        WorkflowState.FAILED,
        WorkflowState.INVALID,
        WorkflowState.PROCESSING
    };

    private StateCountsBenchmark() {}

    public static void main(String[] args) throws Exception {
        int items = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        boolean queriesOnly = args.length > 1 && args[1].equals("--queries-only");
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Process moto =
                new ProcessBuilder("moto_server", "-H", "127.0.0.1", "-p", Integer.toString(port))
                        .redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .start();
        try {
            awaitPort(port);
            URI endpoint = URI.create("http://127.0.0.1:" + port);
            try (AwsClients clients =
                    new AwsClients(AwsSettings.forEndpoint(endpoint, "us-east-1"))) {
                StateTable.create(clients.dynamoDb(), TABLE);
                long t0 = System.nanoTime();
                load(clients, items);
                System.out.printf(Locale.ROOT, "loaded %,d items in %.1f s%n", items, seconds(t0));
                String queue =
                        clients.sqs().createQueue(r -> r.queueName("bench-process")).queueUrl();
                PipelineOperations ops =
                        AwsOperations.of(
                                clients,
                                new DeployedStack(
                                        "bench",
                                        TABLE,
                                        queue,
                                        "payloads",
                                        LogReader.BATCH_LOG_GROUP,
                                        Map.of()));
                for (int round = 1; round <= 3; round++) {
                    long t1 = System.nanoTime();
                    List<WorkflowCounts> one =
                            ops.counts(
                                    PayloadFilter.all()
                                            .withCollections("sentinel-2")
                                            .withWorkflow("cog"));
                    double oneSeconds = seconds(t1);
                    System.out.printf(
                            Locale.ROOT,
                            "round %d: one workflow (%,d items, index queries only) %.2f s%n",
                            round,
                            one.get(0).total(),
                            oneSeconds);
                    if (queriesOnly) {
                        continue;
                    }
                    long t2 = System.nanoTime();
                    List<WorkflowCounts> all = ops.counts(PayloadFilter.all());
                    double allSeconds = seconds(t2);
                    long total = all.stream().mapToLong(WorkflowCounts::total).sum();
                    System.out.printf(
                            Locale.ROOT,
                            "round %d: all %d workflows (%,d items, key scan included) %.2f s%n",
                            round,
                            all.size(),
                            total,
                            allSeconds);
                    if (total != items) {
                        throw new IllegalStateException("counted " + total + " of " + items);
                    }
                }
            }
        } finally {
            moto.destroy();
            moto.waitFor();
        }
    }

    private static void load(AwsClients clients, int items) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> done = new ArrayList<>();
        int perBatch = 25;
        for (int start = 0; start < items; start += perBatch * 40) {
            int from = start;
            done.add(
                    pool.submit(
                            () -> {
                                for (int b = from;
                                        b < Math.min(items, from + perBatch * 40);
                                        b += perBatch) {
                                    List<WriteRequest> writes = new ArrayList<>();
                                    for (int i = b; i < Math.min(items, b + perBatch); i++) {
                                        writes.add(
                                                WriteRequest.builder()
                                                        .putRequest(
                                                                PutRequest.builder()
                                                                        .item(item(i))
                                                                        .build())
                                                        .build());
                                    }
                                    write(clients, writes);
                                }
                                return null;
                            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
    }

    private static void write(AwsClients clients, List<WriteRequest> writes) {
        Map<String, List<WriteRequest>> pending = Map.of(TABLE, writes);
        for (int attempt = 0; !pending.isEmpty() && attempt < 10; attempt++) {
            Map<String, List<WriteRequest>> batch = Map.copyOf(pending);
            BatchWriteItemResponse r =
                    clients.dynamoDb().batchWriteItem(b -> b.requestItems(batch));
            pending = r.hasUnprocessedItems() ? r.unprocessedItems() : Map.of();
        }
    }

    private static Map<String, AttributeValue> item(int i) {
        String workflow = WORKFLOWS.get(i % WORKFLOWS.size());
        WorkflowState state = STATES[(i / WORKFLOWS.size()) % STATES.length];
        String now = IsoTime.format(Instant.now().minusSeconds(i % 86_400));
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(StateTable.HASH_KEY, AttributeValue.fromS("sentinel-2_" + workflow));
        item.put(
                StateTable.RANGE_KEY,
                AttributeValue.fromS(String.format(Locale.ROOT, "S2B_%08d", i)));
        item.put(StateTable.CREATED, AttributeValue.fromS(now));
        item.put(StateTable.UPDATED, AttributeValue.fromS(now));
        item.put(StateTable.STATE_UPDATED, AttributeValue.fromS(state.name() + "_" + now));
        item.put(
                StateTable.EXECUTIONS,
                AttributeValue.fromL(
                        List.of(
                                AttributeValue.fromS(
                                        "arn:aws:states:us-east-1:123456789012:execution:bench-"
                                                + workflow
                                                + ":"
                                                + i))));
        if (state == WorkflowState.FAILED) {
            item.put(StateTable.LAST_ERROR, AttributeValue.fromS("RuntimeError: boom"));
        }
        return item;
    }

    private static void awaitPort(int port) throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            try (Socket s = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException e) {
                Thread.sleep(200);
            }
        }
        throw new IllegalStateException("moto_server did not start on port " + port);
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
