package cirrus.local.batch;

/** What SubmitJob returns. */
public record SubmitJobResult(String jobArn, String jobName, String jobId) {}
