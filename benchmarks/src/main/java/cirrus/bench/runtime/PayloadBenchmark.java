package cirrus.bench.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import com.fasterxml.jackson.databind.JsonNode;

import cirrus.runtime.json.Json;
import cirrus.runtime.payload.ProcessPayload;
import cirrus.runtime.payload.SizeLimit;

/**
 * Payload throughput on the upstream test payload (one Sentinel-2 item, 10 425 bytes): parse and
 * validate, derive the id, and measure the size the way cirrus does.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class PayloadBenchmark {
    private String withId;
    private String withoutId;
    private JsonNode tree;

    @Setup
    public void load() throws IOException {
        try (InputStream in =
                PayloadBenchmark.class.getResourceAsStream("/bench/test-payload.json")) {
            withId = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        withoutId =
                withId.replace(
                        "\"id\": \"sentinel-s2-l2a/workflow-cog-archive/S2B_17HQD_20201103_0_L2A\",",
                        "");
        tree = Json.parse(withId);
    }

    /** Text to validated payload, reading its id. */
    @Benchmark
    public String parseAndValidate() {
        return ProcessPayload.parse(withId, false).id();
    }

    /** Text to validated payload with the id derived from the items. */
    @Benchmark
    public String parseAndDeriveId() {
        return ProcessPayload.parse(withoutId, true).id();
    }

    /** The v2 size rule (json.dumps twice) that decides between inline and by-URL. */
    @Benchmark
    public long sizeForTransport() {
        return SizeLimit.DEFAULT.sizeOf(tree);
    }
}
