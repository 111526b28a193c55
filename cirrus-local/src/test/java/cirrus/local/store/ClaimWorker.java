package cirrus.local.store;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.node.ObjectNode;

import cirrus.runtime.builtin.ProcessFunction;
import cirrus.runtime.builtin.ProcessOutcome;
import cirrus.runtime.events.WorkflowEvents;
import cirrus.runtime.json.Json;
import cirrus.runtime.payload.PayloadTransport;
import cirrus.runtime.payload.ProcessPayload;
import cirrus.runtime.payload.SizeLimit;
import cirrus.runtime.statedb.ConsoleUrls;

/**
 * Runs the process function over the same payloads from several threads, each with its own
 * connection to the shared SQLite file. Run in-process by {@link ClaimConcurrencyTest} and as a
 * separate JVM: {@code ClaimWorker <root> <payloads> <threads> <seed>}; prints {@code started=<n>}.
 */
public final class ClaimWorker {
    private ClaimWorker() {}

    static ProcessPayload payload(int i) {
        ObjectNode json =
                (ObjectNode)
                        Json.parse(
                                "{\"type\": \"FeatureCollection\", \"features\": [{\"type\": \"Feature\", \"id\": \"item-"
                                        + i
                                        + "\","
                                        + " \"collection\": \"race\", \"properties\": {}}], \"process\": {\"workflow\": \"race-wf\","
                                        + " \"upload_options\": {}, \"tasks\": {}}}");
        return ProcessPayload.of(json, true);
    }

    /** Processes every payload once per thread (in a random order); returns how many it started. */
    static int run(Path root, int payloads, int threads, long seed) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                long threadSeed = seed * 31 + t;
                results.add(pool.submit(() -> runThread(root, payloads, threadSeed)));
            }
            int started = 0;
            for (Future<Integer> f : results) {
                started += f.get(180, TimeUnit.SECONDS);
            }
            return started;
        } finally {
            pool.shutdownNow();
        }
    }

    private static int runThread(Path root, int payloads, long seed) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < payloads; i++) {
            order.add(i);
        }
        Collections.shuffle(order, new Random(seed));
        try (LocalStores stores = LocalStores.open(root, Clock.systemUTC())) {
            WorkflowEvents events =
                    new WorkflowEvents(
                            stores.stateStore(),
                            Optional.empty(),
                            new ConsoleUrls(null),
                            Clock.systemUTC());
            ProcessFunction process =
                    new ProcessFunction(
                            events,
                            new SqliteTestStarter(stores.database()),
                            new PayloadTransport(
                                    stores.blobStore(), "payloads", SizeLimit.DEFAULT));
            int started = 0;
            for (int i : order) {
                ProcessPayload payload = payload(i);
                for (int attempt = 0; attempt < 20; attempt++) {
                    ProcessOutcome outcome = process.processPayloads(List.of(payload), false);
                    started += outcome.started().size();
                    if (!outcome.hasFailures()) {
                        break;
                    }
                }
            }
            return started;
        }
    }

    public static void main(String[] args) throws Exception {
        int started =
                run(
                        Path.of(args[0]),
                        Integer.parseInt(args[1]),
                        Integer.parseInt(args[2]),
                        Long.parseLong(args[3]));
        System.out.println("started=" + started);
    }
}
