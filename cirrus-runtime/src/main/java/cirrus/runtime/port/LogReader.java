package cirrus.runtime.port;

import java.util.List;

/**
 * Reads task logs (CloudWatch Logs on AWS, files locally), e.g. the last line of a Batch job's
 * stream, from which post-batch takes the error type.
 */
public interface LogReader {
    /** The default log group of AWS Batch jobs. */
    String BATCH_LOG_GROUP = "/aws/batch/job";

    /**
     * The last {@code max} lines (events) of a stream, oldest first.
     *
     * @throws LogStreamNotFoundException when the group or stream does not exist
     */
    List<String> lastLines(String group, String stream, int max);
}
