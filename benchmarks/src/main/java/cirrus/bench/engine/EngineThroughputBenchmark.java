package cirrus.bench.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import com.fasterxml.jackson.databind.JsonNode;

import cirrus.local.engine.EngineOptions;
import cirrus.local.engine.LocalEngine;
import cirrus.local.model.LocalModel;
import cirrus.local.model.LocalModelBuilder;
import cirrus.local.model.ModelOptions;
import cirrus.runtime.json.Json;
import cirrus.runtime.payload.PayloadId;
import cirrus.runtime.port.StateRecord;
import cirrus.runtime.port.WorkflowState;

/**
 * Payloads per second through the whole local engine with durable state: each payload goes into the
 * SQLite process queue, through process (claim, deterministic name, start), an ASL execution whose
 * every step is a committed transaction, its task, update-state (COMPLETED, workflow events) and,
 * for publish-only, the publish task (item written to the data bucket directory, topic message,
 * outputs). {@code publish-only} runs the Java publish builtin; {@code batch-java} and {@code
 * batch-exec} run one trivial Batch job per payload through the emulator (a Java task, or the
 * command {@code true} as a real process). Each operation submits {@code inFlight} payloads and
 * waits until all are COMPLETED (watching each payload's state item, a primary-key read, so the
 * waiting costs the engine almost nothing); the {@code payloads} counter is the throughput.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 1, time = 5)
@Measurement(iterations = 3, time = 5)
public class EngineThroughputBenchmark {
    @Param({"publish-only", "batch-java", "batch-exec"})
    public String workflow;

    @Param({"1", "50", "200"})
    public int inFlight;

    private Path work;
    private LocalEngine engine;
    private long counter;

    /** The throughput counter: payloads that reached COMPLETED. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Payloads {
        public long payloads;

        @Setup(Level.Iteration)
        public void reset() {
            payloads = 0;
        }
    }

    /**
     * CPU time of this JVM (all threads: engine, Batch, the benchmark's waiting) per iteration, in
     * microseconds; divided by the payloads of the iteration it is the CPU cost of one payload,
     * which, unlike the throughput, does not depend on what else the machine runs.
     */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Cpu {
        public long cpuMicros;

        @Setup(Level.Iteration)
        public void reset() {
            cpuMicros = 0;
        }
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean)
                        java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    @Setup(Level.Trial)
    public void start() throws IOException {
        work = Files.createTempDirectory("engine-bench");
        Path serverless = BenchProject.write(work);
        LocalModel model =
                LocalModelBuilder.load(
                        serverless, work, ModelOptions.defaults().withEnvironment(Map.of()));
        engine = LocalEngine.start(model, EngineOptions.defaults());
    }

    @TearDown(Level.Trial)
    public void stop() throws IOException {
        engine.close();
        try (Stream<Path> files = Files.walk(work)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    @Benchmark
    public void submitAndAwait(Payloads payloads, Cpu cpu) throws InterruptedException {
        long cpuBefore = processCpuNanos();
        List<JsonNode> batch = new ArrayList<>(inFlight);
        List<PayloadId> ids = new ArrayList<>(inFlight);
        for (int i = 0; i < inFlight; i++) {
            String item = "item-" + counter++;
            batch.add(Json.parse(BenchProject.payload(workflow, item)));
            ids.add(PayloadId.parse("bench/workflow-" + workflow + "/" + item));
        }
        engine.submitAll(batch);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        for (PayloadId id : ids) {
            while (true) {
                Optional<StateRecord> r = engine.states().get(id);
                if (r.isPresent() && r.get().state().isFinal()) {
                    if (r.get().state() != WorkflowState.COMPLETED) {
                        throw new IllegalStateException(
                                id + " ended " + r.get().state() + ": " + r.get().lastError());
                    }
                    break;
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(id + " did not complete in 120 s");
                }
                Thread.sleep(1);
            }
        }
        payloads.payloads += inFlight;
        cpu.cpuMicros += (processCpuNanos() - cpuBefore) / 1000;
    }
}
