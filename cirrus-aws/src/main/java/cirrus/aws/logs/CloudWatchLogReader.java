package cirrus.aws.logs;

import java.util.ArrayList;
import java.util.List;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.OutputLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException;

import cirrus.runtime.port.LogReader;
import cirrus.runtime.port.LogStreamNotFoundException;
import cirrus.runtime.port.StoreException;

/**
 * The {@link LogReader} on CloudWatch Logs: {@code GetLogEvents} from the end of the stream ({@code
 * startFromHead=false}), paging backwards until {@code max} events are read.
 */
public final class CloudWatchLogReader implements LogReader {
    /** The most events one {@code GetLogEvents} call returns. */
    private static final int PAGE = 10_000;

    private static final int MAX_PAGES = 100;

    private final CloudWatchLogsClient logs;
    private final String batchLogGroup;

    /**
     * @param batchLogGroup the group Batch jobs log to in this deployment, read when {@link
     *     LogReader#BATCH_LOG_GROUP} is asked for (jobs with a custom {@code awslogs-group})
     */
    public CloudWatchLogReader(CloudWatchLogsClient logs, String batchLogGroup) {
        this.logs = logs;
        this.batchLogGroup = batchLogGroup;
    }

    public CloudWatchLogReader(CloudWatchLogsClient logs) {
        this(logs, BATCH_LOG_GROUP);
    }

    @Override
    public List<String> lastLines(String requestedGroup, String stream, int max) {
        String group = BATCH_LOG_GROUP.equals(requestedGroup) ? batchLogGroup : requestedGroup;
        List<String> newestLast = new ArrayList<>();
        String token = null;
        try {
            for (int page = 0; page < MAX_PAGES && newestLast.size() < max; page++) {
                String from = token;
                int want = Math.min(PAGE, max - newestLast.size());
                GetLogEventsResponse response =
                        logs.getLogEvents(
                                r ->
                                        r.logGroupName(group)
                                                .logStreamName(stream)
                                                .startFromHead(false)
                                                .limit(want)
                                                .nextToken(from));
                List<String> lines =
                        response.events().stream().map(OutputLogEvent::message).toList();
                if (lines.isEmpty()) {
                    break;
                }
                List<String> merged = new ArrayList<>(lines);
                merged.addAll(newestLast);
                newestLast = merged;
                if (response.nextBackwardToken() == null
                        || response.nextBackwardToken().equals(token)) {
                    break;
                }
                token = response.nextBackwardToken();
            }
        } catch (ResourceNotFoundException e) {
            throw new LogStreamNotFoundException(group, stream);
        } catch (SdkException e) {
            throw new StoreException(
                    "cannot read log stream " + group + " " + stream + ": " + e.getMessage(), e);
        }
        return newestLast.size() <= max
                ? newestLast
                : newestLast.subList(newestLast.size() - max, newestLast.size());
    }
}
