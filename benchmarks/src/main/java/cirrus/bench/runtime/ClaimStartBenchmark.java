package cirrus.bench.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import com.fasterxml.jackson.databind.node.ObjectNode;

import cirrus.local.store.LocalStores;
import cirrus.runtime.builtin.ProcessFunction;
import cirrus.runtime.builtin.ProcessOutcome;
import cirrus.runtime.events.WorkflowEvents;
import cirrus.runtime.json.Json;
import cirrus.runtime.payload.PayloadId;
import cirrus.runtime.payload.PayloadTransport;
import cirrus.runtime.payload.ProcessPayload;
import cirrus.runtime.payload.SizeLimit;
import cirrus.runtime.port.ClaimRequest;
import cirrus.runtime.port.StartResult;
import cirrus.runtime.port.StateStore;
import cirrus.runtime.port.WorkflowStarter;
import cirrus.runtime.statedb.ConsoleUrls;

/**
 * Claim + start throughput on the local SQLite state store (WAL, one file on disk):
 *
 * <ul>
 *   <li>{@code claimAndMarkProcessing}: the two conditional state writes of the claim protocol;
 *   <li>{@code processOnePayload}: the whole process function for one new payload — read state,
 *       store the input in the payload bucket (a file), claim, start (an in-memory starter), mark
 *       PROCESSING, announce two events.
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ClaimStartBenchmark {
    private Path root;
    private LocalStores stores;
    private StateStore states;
    private ProcessFunction process;
    private ObjectNode template;
    private final AtomicLong counter = new AtomicLong();

    /** Starts nothing; counts. */
    private static final class NoopStarter implements WorkflowStarter {
        final AtomicLong started = new AtomicLong();

        @Override
        public String executionArn(String workflow, String name) {
            return "arn:aws:states:local:000000000000:execution:" + workflow + ":" + name;
        }

        @Override
        public StartResult start(String workflow, String name, String input) {
            started.incrementAndGet();
            return new StartResult(executionArn(workflow, name), false);
        }
    }

    @Setup(Level.Trial)
    public void open() throws IOException {
        root = Files.createTempDirectory("cirrus-bench-claim");
        stores = LocalStores.open(root, Clock.systemUTC());
        states = stores.stateStore();
        WorkflowEvents events =
                new WorkflowEvents(
                        states, Optional.empty(), new ConsoleUrls(null), Clock.systemUTC());
        process =
                new ProcessFunction(
                        events,
                        new NoopStarter(),
                        new PayloadTransport(stores.blobStore(), "payloads", SizeLimit.DEFAULT));
        template =
                (ObjectNode)
                        Json.parse(
                                "{\"type\": \"FeatureCollection\", \"features\": [{\"type\": \"Feature\","
                                        + " \"id\": \"x\", \"collection\": \"bench\", \"properties\": {\"datetime\": \"2020-01-01T00:00:00Z\"}}],"
                                        + " \"process\": {\"workflow\": \"bench-wf\", \"upload_options\": {}, \"tasks\": {}}}");
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        stores.close();
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Benchmark
    public boolean claimAndMarkProcessing() {
        PayloadId id = new PayloadId("bench", "claim", "item-" + counter.incrementAndGet());
        states.claim(
                new ClaimRequest(id, "arn:aws:states:local:0:execution:claim:" + id.itemIds(), 0));
        return states.markProcessing(id);
    }

    @Benchmark
    public int processOnePayload() {
        ObjectNode json = template.deepCopy();
        ((ObjectNode) json.at("/features/0")).put("id", "item-" + counter.incrementAndGet());
        ProcessOutcome outcome =
                process.processPayloads(List.of(ProcessPayload.of(json, true)), false);
        return outcome.started().size();
    }
}
