package cirrus.local.batch;

import java.util.List;
import java.util.Map;

/** Builds sample jobs for tests. */
final class Jobs {
    private Jobs() {}

    static Job job(String id, long sequence, String queue, JobStatus status) {
        ContainerProperties container =
                new ContainerProperties(
                        "local/image",
                        List.of("process", "s3://bucket/payload.json"),
                        Map.of("A", "1"),
                        new ResourceRequirements(2.0, 2048L, null),
                        "arn:aws:iam::123456789012:role/job",
                        null,
                        null);
        RetryStrategy retry =
                new RetryStrategy(
                        3, List.of(new EvaluateOnExit("Host EC2*", null, null, RetryAction.RETRY)));
        Job job =
                new Job(
                        id,
                        sequence,
                        "name-" + id,
                        BatchArns.DEFAULT.job(id),
                        queue,
                        BatchArns.DEFAULT.jobQueue(queue),
                        BatchArns.DEFAULT.jobDefinition("def", 1),
                        "def",
                        JobStatus.SUBMITTED,
                        null,
                        1_000 + sequence,
                        null,
                        null,
                        Map.of("url", "s3://bucket/payload.json"),
                        container,
                        retry,
                        600,
                        Map.of(),
                        List.of(),
                        null,
                        false,
                        false,
                        List.of(new StatusChange(JobStatus.SUBMITTED, 1_000 + sequence)));
        long at = 2_000 + sequence;
        for (JobStatus next : JobStatus.values()) {
            if (job.status() == status || next.isTerminal() && next != status) {
                continue;
            }
            job =
                    switch (next) {
                        case SUBMITTED -> job;
                        case STARTING -> job.starting("ce", "def/default/" + id, at);
                        case RUNNING -> job.running(at, 4242L, 77L);
                        case SUCCEEDED, FAILED ->
                                job.attemptEnded(
                                        new JobAttempt(
                                                next == JobStatus.SUCCEEDED ? 0 : 1,
                                                null,
                                                "def/default/" + id,
                                                at,
                                                at + 1,
                                                Job.CONTAINER_EXITED),
                                        false,
                                        null,
                                        at + 1);
                        default -> job.moved(next, at);
                    };
            if (job.status() == status) {
                break;
            }
        }
        return job;
    }
}
