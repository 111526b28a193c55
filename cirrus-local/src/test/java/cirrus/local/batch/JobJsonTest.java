package cirrus.local.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Golden files of the JSON shapes: a retried-then-failed job as DescribeJobs' {@code JobDetail}, as
 * the PascalCase output of Step Functions' {@code batch:submitJob.sync}, and as ListJobs' {@code
 * JobSummary}.
 */
class JobJsonTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static Job failedAfterRetry() {
        String id = "4c7599ae-0a82-49aa-ba5a-4727fcce14a8";
        ContainerProperties container =
                new ContainerProperties(
                        "123456789012.dkr.ecr.us-east-1.amazonaws.com/task:dev",
                        List.of("run", "s3://payloads/batch/p1/in.json"),
                        new java.util.LinkedHashMap<>(Map.of("CIRRUS_DATA_BUCKET", "data")),
                        new ResourceRequirements(2.0, 4096L, null),
                        "arn:aws:iam::123456789012:role/BatchJobRole",
                        null,
                        null);
        Job job =
                new Job(
                        id,
                        1,
                        "cirrus-p1",
                        BatchArns.DEFAULT.job(id),
                        "queue",
                        BatchArns.DEFAULT.jobQueue("queue"),
                        BatchArns.DEFAULT.jobDefinition("task", 3),
                        "task",
                        JobStatus.SUBMITTED,
                        null,
                        1_700_000_000_000L,
                        null,
                        null,
                        new java.util.LinkedHashMap<>(
                                Map.of("url", "s3://payloads/batch/p1/in.json")),
                        container,
                        new RetryStrategy(
                                2,
                                List.of(
                                        new EvaluateOnExit(
                                                "Host EC2*", null, null, RetryAction.RETRY))),
                        3600,
                        Map.of(),
                        List.of(),
                        null,
                        false,
                        false,
                        List.of(new StatusChange(JobStatus.SUBMITTED, 1_700_000_000_000L)));
        long t = 1_700_000_000_000L;
        job = job.moved(JobStatus.PENDING, t + 1).moved(JobStatus.RUNNABLE, t + 2);
        job = job.starting("ce", "task/default/" + id, t + 3).running(t + 4, 100L, t + 4);
        job =
                job.attemptEnded(
                        new JobAttempt(
                                null,
                                "The local Batch emulator stopped",
                                "task/default/" + id,
                                t + 4,
                                t + 5,
                                "Host EC2 (instance local) terminated."),
                        true,
                        null,
                        t + 5);
        job = job.starting("ce", "task/default/" + id + "-2", t + 6).running(t + 7, 101L, t + 7);
        return job.attemptEnded(
                new JobAttempt(
                        1, null, "task/default/" + id + "-2", t + 7, t + 8, Job.CONTAINER_EXITED),
                false,
                null,
                t + 8);
    }

    @Test
    void describeJobsDetail() throws IOException {
        assertGolden("JobJsonTest/detail.json", JobJson.detail(failedAfterRetry()));
    }

    @Test
    void stepFunctionsOutput() throws IOException {
        assertGolden(
                "JobJsonTest/step-functions.json",
                JobJson.stepFunctions(JobJson.detail(failedAfterRetry())));
    }

    @Test
    void listJobsSummary() throws IOException {
        assertGolden("JobJsonTest/summary.json", JobJson.summary(failedAfterRetry()));
    }

    @Test
    void textIsCompactJson() {
        ObjectNode node = JSON.createObjectNode().put("JobId", "x");
        assertThat(JobJson.text(node)).isEqualTo("{\"JobId\":\"x\"}");
    }

    private static void assertGolden(String resource, JsonNode actual) throws IOException {
        try (InputStream in = JobJsonTest.class.getResourceAsStream("/" + resource)) {
            if (in == null) {
                fail(
                        "Golden file missing. Add the expected JSON here: src/test/resources/"
                                + resource
                                + "\nActual:\n"
                                + JSON.writerWithDefaultPrettyPrinter().writeValueAsString(actual));
            }
            JsonNode expected =
                    JSON.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            assertThat(actual).isEqualTo(expected);
        }
    }
}
