package cirrus.local.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cirrus.runtime.json.Json;
import cirrus.runtime.payload.PayloadId;
import cirrus.runtime.port.StateRecord;
import cirrus.runtime.port.WorkflowState;

/**
 * Many threads and several JVMs run the process function over the same payloads against one SQLite
 * file: every payload is started exactly once, under exactly one execution name, and none is lost.
 */
class ClaimConcurrencyTest {
    private static final int PAYLOADS = 60;

    @TempDir Path dir;

    @Test
    void manyThreadsStartEachPayloadExactlyOnce() throws Exception {
        int started = ClaimWorker.run(dir, PAYLOADS, 6, 42);
        assertThat(started).isEqualTo(PAYLOADS);
        assertExactlyOneExecutionPerPayload();
    }

    @Test
    void severalProcessesStartEachPayloadExactlyOnce() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classpath = System.getProperty("java.class.path");
        // create the schema once so that the workers do not race on the migration
        LocalStores.open(dir, Clock.systemUTC()).close();
        List<Process> workers = new ArrayList<>();
        for (int w = 0; w < 3; w++) {
            workers.add(
                    new ProcessBuilder(
                                    java,
                                    "-XX:TieredStopAtLevel=1",
                                    "-cp",
                                    classpath,
                                    ClaimWorker.class.getName(),
                                    dir.toString(),
                                    Integer.toString(PAYLOADS),
                                    "3",
                                    Integer.toString(w))
                            .redirectErrorStream(true)
                            .start());
        }
        int started = 0;
        for (Process worker : workers) {
            try {
                assertThat(worker.waitFor(240, TimeUnit.SECONDS))
                        .as("worker finished in time")
                        .isTrue();
                String output =
                        new String(worker.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertThat(worker.exitValue()).as(output).isZero();
                started +=
                        Integer.parseInt(
                                output.lines()
                                        .filter(l -> l.startsWith("started="))
                                        .findFirst()
                                        .orElseThrow(
                                                () ->
                                                        new AssertionError(
                                                                "no result from worker: " + output))
                                        .substring(8));
            } finally {
                worker.destroyForcibly();
            }
        }
        assertThat(started).isEqualTo(PAYLOADS);
        assertExactlyOneExecutionPerPayload();
    }

    private void assertExactlyOneExecutionPerPayload() {
        try (LocalStores stores = LocalStores.open(dir, Clock.systemUTC())) {
            Map<String, String> executions = SqliteTestStarter.executions(stores.database());
            assertThat(executions).hasSize(PAYLOADS);
            Map<String, String> arnByPayload = new HashMap<>();
            executions.forEach(
                    (arn, input) -> {
                        String id = Json.parse(input).path("id").asText();
                        assertThat(arnByPayload.put(id, arn))
                                .as("second execution for " + id)
                                .isNull();
                    });
            for (int i = 0; i < PAYLOADS; i++) {
                PayloadId id = ClaimWorker.payload(i).payloadId();
                StateRecord record =
                        stores.stateStore()
                                .get(id)
                                .orElseThrow(() -> new AssertionError("lost " + id));
                assertThat(record.state()).isEqualTo(WorkflowState.PROCESSING);
                assertThat(record.executions()).containsExactly(arnByPayload.get(id.toString()));
            }
        }
    }
}
