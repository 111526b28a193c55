package cirrus.local.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The data-driven conformance suite of the Batch emulator: each file of {@code
 * src/test/resources/batch-conformance/} declares CloudFormation resources, the local image map, a
 * script of steps (submit, await, cancel, terminate, update, release) and the expected end state of
 * every job (status, status reason, attempts, command, log lines, environment, history) and the
 * order jobs started in. Containers are real {@code sh} subprocesses; jobs are stored in SQLite.
 *
 * <p>In the files, {@code ${WAIT}} expands to a bounded shell loop that waits until the case's gate
 * file exists (the {@code release} step creates it), so that tests control when jobs end without
 * relying on timing.
 */
class BatchConformanceTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TestFactory
    Stream<DynamicTest> conformance() throws IOException, URISyntaxException {
        Path dir = Path.of(getClass().getResource("/batch-conformance").toURI());
        List<Path> cases;
        try (Stream<Path> files = Files.list(dir)) {
            cases = files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }
        assertThat(cases).as("conformance cases").hasSizeGreaterThan(10);
        return cases.stream()
                .map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> run(f)));
    }

    private void run(Path file) throws Exception {
        Path work = Files.createTempDirectory("batch-conformance");
        try {
            new Case(file, work).run();
        } finally {
            deleteTree(work);
        }
    }

    /** One case, run in its own directory. */
    private static final class Case {
        /** The emulator's settings while the case runs (where its logs are). */
        private BatchSettings settings;

        private final JsonNode spec;
        private final Path work;
        private final Path gate;
        private final Map<String, String> ids = new LinkedHashMap<>();
        private final List<String> startOrder = Collections.synchronizedList(new ArrayList<>());

        Case(Path file, Path work) throws IOException {
            this.work = work;
            this.gate = work.resolve("gate");
            String wait =
                    "i=0; while [ ! -f '"
                            + gate
                            + "' ] && [ $i -lt 1500 ]; do sleep 0.02;"
                            + " i=$((i+1)); done";
            String text = Files.readString(file, StandardCharsets.UTF_8).replace("${WAIT}", wait);
            this.spec = JSON.readTree(text);
        }

        @SuppressWarnings("unchecked")
        void run() throws Exception {
            Map<String, Object> cfn = JSON.convertValue(spec.get("resources"), Map.class);
            if (spec.has("resourceErrors")) {
                List<String> expected = JSON.convertValue(spec.get("resourceErrors"), List.class);
                assertThatThrownBy(() -> BatchResources.fromCloudFormation(cfn))
                        .isInstanceOfSatisfying(
                                BatchResourceException.class,
                                e ->
                                        assertThat(e.problems())
                                                .extracting(BatchProblem::toString)
                                                .containsExactlyInAnyOrderElementsOf(expected));
                return;
            }
            BatchResources resources = BatchResources.fromCloudFormation(cfn);
            Map<String, List<String>> images = new LinkedHashMap<>();
            JsonNode imageSpec = spec.path("images");
            if (imageSpec.isMissingNode()) {
                images.put("local/sh", List.of("sh", "-c"));
            } else {
                imageSpec
                        .properties()
                        .forEach(
                                e ->
                                        images.put(
                                                e.getKey(),
                                                JSON.convertValue(e.getValue(), List.class)));
            }
            settings =
                    BatchSettings.defaults(work.resolve("logs"))
                            .withTimeScale(spec.path("timeScale").asDouble(1.0));
            try (JobStore store = SqliteJobStore.open(work.resolve("state.db"));
                    BatchEmulator emulator =
                            BatchEmulator.start(
                                    resources,
                                    store,
                                    SubprocessLauncher.of(images),
                                    settings,
                                    List.of(this::record))) {
                for (JsonNode step : spec.path("steps")) {
                    step(emulator, step);
                }
                Files.writeString(gate, "released");
                JsonNode expect = spec.path("expect");
                for (var entry : expect.properties()) {
                    check(emulator, settings, entry.getKey(), entry.getValue());
                }
                if (spec.has("startOrder")) {
                    List<String> expected = JSON.convertValue(spec.get("startOrder"), List.class);
                    assertThat(List.copyOf(startOrder)).as("order of starts").isEqualTo(expected);
                }
            }
        }

        private void record(Job job) {
            if (job.status() == JobStatus.STARTING) {
                startOrder.add(job.jobName());
            }
        }

        @SuppressWarnings("unchecked")
        private void step(BatchEmulator emulator, JsonNode step) throws Exception {
            if (step.has("submit")) {
                Map<String, Object> request = JSON.convertValue(step.get("submit"), Map.class);
                if (step.has("error")) {
                    assertThatThrownBy(() -> emulator.submitJob(SubmitJobRequest.fromJson(request)))
                            .isInstanceOf(BatchClientException.class)
                            .hasMessageContaining(step.get("error").asText());
                    return;
                }
                SubmitJobResult result = emulator.submitJob(SubmitJobRequest.fromJson(request));
                ids.put(result.jobName(), result.jobId());
            } else if (step.has("await")) {
                awaitJob(emulator, step.get("await").asText(), step);
            } else if (step.has("cancel")) {
                emulator.cancelJob(id(step.get("cancel").asText()), step.get("reason").asText());
            } else if (step.has("terminate")) {
                emulator.terminateJob(
                        id(step.get("terminate").asText()), step.get("reason").asText());
            } else if (step.has("updateComputeEnvironment")) {
                emulator.updateComputeEnvironment(
                        step.get("updateComputeEnvironment").asText(),
                        step.has("state")
                                ? ResourceState.valueOf(step.get("state").asText())
                                : null,
                        step.has("maxvCpus") ? step.get("maxvCpus").asInt() : null);
            } else if (step.has("updateJobQueue")) {
                emulator.updateJobQueue(
                        step.get("updateJobQueue").asText(),
                        step.has("state")
                                ? ResourceState.valueOf(step.get("state").asText())
                                : null,
                        step.has("priority") ? step.get("priority").asInt() : null);
            } else if (step.has("release")) {
                Files.writeString(gate, "released");
            } else {
                fail("unknown step " + step);
            }
        }

        private Job awaitJob(BatchEmulator emulator, String name, JsonNode condition)
                throws InterruptedException {
            String id = id(name);
            JobStatus status = JobStatus.valueOf(condition.get("status").asText());
            String reason = condition.path("statusReason").asText(null);
            long deadline = System.nanoTime() + WAIT.toNanos();
            Job job = null;
            while (System.nanoTime() < deadline) {
                job = emulator.job(id).orElseThrow();
                if (job.status() == status
                        && (reason == null || reason.equals(job.statusReason()))
                        && logged(job, condition.path("logContains").asText(null))) {
                    return job;
                }
                if (job.status().isTerminal() && !status.isTerminal()) {
                    break;
                }
                Thread.sleep(5);
            }
            fail(
                    "job "
                            + name
                            + " did not reach "
                            + condition
                            + " within "
                            + WAIT
                            + "; it is "
                            + (job == null
                                    ? "unknown"
                                    : job.status() + " / " + job.statusReason()));
            return null;
        }

        /**
         * Whether the running attempt's log holds {@code line} (always, when no line is asked for):
         * a job is RUNNING once its process is started, before the process has written anything.
         */
        private boolean logged(Job job, String line) {
            if (line == null) {
                return true;
            }
            if (job.current() == null) {
                return false;
            }
            Path log = settings.logFile(job.current().logStreamName());
            try {
                return Files.exists(log) && Files.readAllLines(log).contains(line);
            } catch (IOException e) {
                return false;
            }
        }

        private void check(
                BatchEmulator emulator, BatchSettings settings, String name, JsonNode expect)
                throws Exception {
            Job job = awaitJob(emulator, name, expect);
            String what = "job " + name;
            if (expect.has("attempts")) {
                assertThat(job.attempts())
                        .as(what + " attempts")
                        .hasSize(expect.get("attempts").size());
                for (int i = 0; i < job.attempts().size(); i++) {
                    JobAttempt actual = job.attempts().get(i);
                    JsonNode e = expect.get("attempts").get(i);
                    String where = what + " attempt " + (i + 1);
                    if (e.has("exitCode")) {
                        assertThat(actual.exitCode())
                                .as(where + " exit code")
                                .isEqualTo(
                                        e.get("exitCode").isNull()
                                                ? null
                                                : e.get("exitCode").asInt());
                    }
                    if (e.has("statusReason")) {
                        assertThat(actual.statusReason())
                                .as(where + " status reason")
                                .isEqualTo(e.get("statusReason").asText());
                    }
                    if (e.has("reasonStartsWith")) {
                        assertThat(actual.reason())
                                .as(where + " reason")
                                .startsWith(e.get("reasonStartsWith").asText());
                    }
                    if (e.has("logStreamName")) {
                        assertThat(actual.logStreamName())
                                .as(where + " log stream")
                                .isEqualTo(
                                        e.get("logStreamName")
                                                .asText()
                                                .replace("${JOB_ID}", job.jobId()));
                    }
                }
            }
            if (expect.has("command")) {
                assertThat(job.container().command())
                        .as(what + " command")
                        .isEqualTo(JSON.convertValue(expect.get("command"), List.class));
            }
            if (expect.has("environment")) {
                expect.get("environment")
                        .properties()
                        .forEach(
                                e ->
                                        assertThat(job.container().environment())
                                                .as(what + " environment")
                                                .containsEntry(e.getKey(), e.getValue().asText()));
            }
            if (expect.has("history")) {
                assertThat(job.history())
                        .extracting(c -> c.status().name())
                        .as(what + " history")
                        .isEqualTo(JSON.convertValue(expect.get("history"), List.class));
            }
            for (String flag : List.of("isCancelled", "isTerminated")) {
                if (expect.has(flag)) {
                    boolean actual =
                            flag.equals("isCancelled") ? job.cancelled() : job.terminated();
                    assertThat(actual)
                            .as(what + " " + flag)
                            .isEqualTo(expect.get(flag).asBoolean());
                }
            }
            if (expect.has("log")) {
                JobAttempt last = job.attempts().get(job.attempts().size() - 1);
                Path log = settings.logFile(last.logStreamName());
                assertThat(Files.readAllLines(log))
                        .as(what + " log " + log)
                        .isEqualTo(JSON.convertValue(expect.get("log"), List.class));
            }
            checkInvariants(job, what);
        }

        private static void checkInvariants(Job job, String what) {
            assertThat(job.history().get(0).status())
                    .as(what + " first status")
                    .isEqualTo(JobStatus.SUBMITTED);
            for (int i = 1; i < job.history().size(); i++) {
                assertThat(job.history().get(i).at())
                        .as(what + " history times")
                        .isGreaterThanOrEqualTo(job.history().get(i - 1).at());
            }
            if (job.startedAt() != null) {
                assertThat(job.startedAt()).isGreaterThanOrEqualTo(job.createdAt());
            }
            if (job.stoppedAt() != null) {
                assertThat(job.stoppedAt()).isGreaterThanOrEqualTo(job.createdAt());
            }
            ObjectNode detail = JobJson.detail(job);
            ObjectNode pascal = JobJson.stepFunctions(detail);
            assertThat(detail.get("status").asText()).isEqualTo(job.status().name());
            assertThat(pascal.get("Attempts").size()).isEqualTo(job.attempts().size());
            for (JsonNode attempt : pascal.get("Attempts")) {
                assertThat(attempt.path("Container").path("LogStreamName").asText())
                        .as(what + " attempts carry their log stream")
                        .startsWith(job.jobDefinitionName() + "/default/" + job.jobId());
            }
        }

        private String id(String name) {
            String id = ids.get(name);
            assertThat(id).as("a job named " + name + " was submitted").isNotNull();
            return id;
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
