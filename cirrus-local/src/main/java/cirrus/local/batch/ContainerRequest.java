package cirrus.local.batch;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a {@link ContainerLauncher} is asked to run for one attempt of a job: the image, the
 * resolved command, the full environment (the job's variables plus {@code AWS_BATCH_JOB_ID}, {@code
 * AWS_BATCH_JOB_ATTEMPT}, {@code AWS_BATCH_JQ_NAME}, {@code AWS_BATCH_CE_NAME}), the resources and
 * the log stream whose file receives every line the container writes (stdout and stderr).
 */
public record ContainerRequest(
        String jobId,
        String jobName,
        int attempt,
        String image,
        List<String> command,
        Map<String, String> environment,
        ResourceRequirements resources,
        String logStreamName,
        Path logFile) {
    public ContainerRequest {
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(logFile, "logFile");
        command = List.copyOf(command);
        environment = JobDefinitionSpec.copy(environment);
    }
}
