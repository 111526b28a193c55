package cirrus.local.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cirrus.local.batch.Job;
import cirrus.local.batch.JobStatus;
import cirrus.local.engine.fixtures.EngineProcessMain;
import cirrus.local.engine.fixtures.StampTask;
import cirrus.local.model.LocalModel;
import cirrus.local.store.LocalStores;
import cirrus.runtime.json.Json;
import cirrus.runtime.payload.PayloadId;
import cirrus.runtime.port.StateRecord;
import cirrus.runtime.port.WorkflowState;
import cirrus.states.run.ExecutionStatus;

/**
 * Kills engine processes with SIGKILL ({@code kill -9}) while payloads are in flight, twice, then
 * lets a third engine finish: every accepted payload must end COMPLETED, with exactly one execution
 * per claim and one Batch job per Batch task.
 */
class CrashSafetyTest {
    private static final int PAYLOADS = 40;
    private static final double TIME_SCALE = 0.05;

    private static final String WORKFLOW =
            """
            StartAt: wait
            States:
              wait: {Type: Wait, Seconds: 4, Next: stamp}
              stamp:
                Type: Task
                Resource: !GetAtt stamp.Arn
                Next: batch
              batch:
                Type: Parallel
                Branches:
                  - StartAt: pre-batch
                    States:
                      pre-batch: {Type: Task, Resource: !GetAtt pre-batch.Arn, Next: stamp-batch}
                      stamp-batch:
                        Type: Task
                        Resource: arn:aws:states:::batch:submitJob.sync
                        Parameters:
                          JobName: stamp
                          JobQueue: "#{StampJobQueue}"
                          JobDefinition: "#{StampJobDefinition}"
                          Parameters: {url.$: $.url, url_out.$: $.url_out}
                        Next: post-batch
                      post-batch: {Type: Task, Resource: !GetAtt post-batch.Arn, End: true}
                OutputPath: $[0]
                Next: publish
              publish: {Type: Task, Resource: !GetAtt publish.Arn, End: true}
            """;

    @TempDir Path project;

    private Process startEngineProcess(Path serverlessYml) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p =
                new ProcessBuilder(
                                java.toString(),
                                "-cp",
                                System.getProperty("java.class.path"),
                                EngineProcessMain.class.getName(),
                                serverlessYml.toString(),
                                project.toString(),
                                Double.toString(TIME_SCALE))
                        .redirectErrorStream(true)
                        .start();
        BufferedReader out =
                new BufferedReader(
                        new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line;
        List<String> seen = new ArrayList<>();
        while ((line = out.readLine()) != null && !line.equals("READY")) {
            seen.add(line);
        }
        assertThat(line).as("engine process output: " + seen).isEqualTo("READY");
        Thread drain =
                new Thread(
                        () -> {
                            try {
                                while (out.readLine() != null) {
                                    // keep the pipe empty
                                }
                            } catch (IOException e) {
                                // the process died
                            }
                        });
        drain.setDaemon(true);
        drain.start();
        return p;
    }

    private static void kill9(Process p) throws InterruptedException {
        p.destroyForcibly(); // SIGKILL on Unix: no shutdown hooks, no cleanup
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }

    private static long completed(LocalStores stores, List<PayloadId> ids) {
        return stores.stateStore().getAll(ids).values().stream()
                .filter(r -> r.state() == WorkflowState.COMPLETED)
                .count();
    }

    private static void awaitCompleted(LocalStores stores, List<PayloadId> ids, long n) {
        Await.until(
                n + " payloads completed",
                Duration.ofSeconds(90),
                () -> completed(stores, ids) >= n ? Boolean.TRUE : null);
    }

    /** Engine processes this test started: none outlives it, whatever failed. */
    private final List<Process> started = new ArrayList<>();

    @AfterEach
    void stopEngines() throws InterruptedException {
        for (Process p : started) {
            kill9(p);
        }
    }

    @Test
    void killedEnginesLoseNoPayloadAndNeverRunAClaimTwice() throws Exception {
        LocalModel model =
                TestProjects.initOnly(project)
                        .function(
                                "stamp",
                                "{handler: " + StampTask.class.getName() + ", runtime: java17}")
                        .workflow("crashy", WORKFLOW)
                        .resources(
                                BatchWorkflowTest.RESOURCES.replace(
                                        "RetryStrategy: {Attempts: 1}",
                                        "RetryStrategy: {Attempts: 3}"))
                        .local(
                                "images: {example/stamp:latest: {java: "
                                        + StampTask.class.getName()
                                        + "}}")
                        .model();
        Path serverlessYml = project.resolve(".cirrus/build/serverless.yml");
        List<PayloadId> ids = new ArrayList<>();
        try (LocalStores feeder = LocalStores.open(model.stateDirectory(), Clock.systemUTC())) {
            Process first = startEngineProcess(serverlessYml);
            started.add(first);
            for (int i = 0; i < PAYLOADS; i++) {
                feeder.queue("cirrus-dev-process")
                        .send(Json.write(TestProjects.payload("crashy", "item-" + i)));
                ids.add(PayloadId.parse("test-collection/workflow-crashy/item-" + i));
            }
            ExecutionStore executions = new ExecutionStore(feeder.database());
            Await.until(
                    "payloads completed while others run",
                    Duration.ofSeconds(60),
                    () ->
                            completed(feeder, ids) >= 2
                                            && executions
                                                            .counts()
                                                            .getOrDefault(
                                                                    ExecutionStatus.RUNNING, 0L)
                                                    >= 1
                                    ? Boolean.TRUE
                                    : null);
            kill9(first);
            long afterFirst = completed(feeder, ids);
            assertThat(afterFirst).as("killed mid-flight").isLessThan(PAYLOADS);

            Process second = startEngineProcess(serverlessYml);
            started.add(second);
            awaitCompleted(feeder, ids, Math.min(PAYLOADS - 1, afterFirst + PAYLOADS / 4));
            kill9(second);
        }

        try (LocalEngine engine =
                LocalEngine.start(model, EngineOptions.defaults().withTimeScale(TIME_SCALE))) {
            Map<PayloadId, StateRecord> states =
                    Await.until(
                            "every payload final",
                            Duration.ofSeconds(120),
                            () -> {
                                Map<PayloadId, StateRecord> all = engine.states().getAll(ids);
                                return all.size() == PAYLOADS
                                                && all.values().stream()
                                                        .allMatch(r -> r.state().isFinal())
                                        ? all
                                        : null;
                            });

            assertThat(states.values())
                    .allSatisfy(
                            r ->
                                    assertThat(r.state())
                                            .as(r.id() + " " + r.lastError().orElse(""))
                                            .isEqualTo(WorkflowState.COMPLETED))
                    .allSatisfy(
                            r ->
                                    assertThat(r.executions())
                                            .as("one execution per claim")
                                            .hasSize(1));
            List<ExecutionRecord> executions =
                    engine.executions()
                            .list(Optional.of("crashy"), Optional.empty(), Optional.empty(), 1000);
            assertThat(executions)
                    .hasSize(PAYLOADS)
                    .allSatisfy(e -> assertThat(e.status()).isEqualTo(ExecutionStatus.SUCCEEDED));
            for (ExecutionRecord e : executions) {
                assertThat(engine.executions().history(e.arn()))
                        .filteredOn(h -> h.path("type").asText().equals("ExecutionStarted"))
                        .hasSize(1);
            }
            Map<String, Integer> jobsPerTask = new HashMap<>();
            for (JobStatus status : JobStatus.values()) {
                for (Job job : engine.batch().orElseThrow().listJobs("cirrus-dev-stamp", status)) {
                    jobsPerTask.merge(job.tags().get(BatchTasks.TAG), 1, Integer::sum);
                }
            }
            assertThat(jobsPerTask)
                    .hasSize(PAYLOADS)
                    .allSatisfy((task, n) -> assertThat(n).as(task).isEqualTo(1));
        }
    }
}
