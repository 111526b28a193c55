package cirrus.aws.operate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilterLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilteredLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.OutputLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException;

import cirrus.runtime.operate.LogLine;
import cirrus.runtime.operate.LogSource;
import cirrus.runtime.port.LogReader;

/**
 * Log events from CloudWatch Logs: a stream's tail with GetLogEvents (backwards from the end), a
 * group's time window with FilterLogEvents, both paged; the SDK retries throttling (5 requests per
 * second per account for FilterLogEvents) with backoff.
 */
final class CloudWatchLogSource implements LogSource {
    private static final int MAX_PAGES = 200;

    private final CloudWatchLogsClient logs;
    private final String batchLogGroup;

    CloudWatchLogSource(CloudWatchLogsClient logs, String batchLogGroup) {
        this.logs = logs;
        this.batchLogGroup = batchLogGroup;
    }

    private String group(String requested) {
        return LogReader.BATCH_LOG_GROUP.equals(requested) ? batchLogGroup : requested;
    }

    @Override
    public List<LogLine> tail(String requestedGroup, String stream, int max) {
        String group = group(requestedGroup);
        List<LogLine> newestLast = new ArrayList<>();
        String token = null;
        try {
            for (int page = 0; page < MAX_PAGES && newestLast.size() < max; page++) {
                String from = token;
                int want = Math.min(10_000, max - newestLast.size());
                GetLogEventsResponse response =
                        logs.getLogEvents(
                                r ->
                                        r.logGroupName(group)
                                                .logStreamName(stream)
                                                .startFromHead(false)
                                                .limit(want)
                                                .nextToken(from));
                if (response.events().isEmpty()) {
                    break;
                }
                List<LogLine> lines = new ArrayList<>();
                for (OutputLogEvent e : response.events()) {
                    lines.add(
                            new LogLine(
                                    Instant.ofEpochMilli(e.timestamp()),
                                    group,
                                    stream,
                                    "",
                                    e.message()));
                }
                lines.addAll(newestLast);
                newestLast = lines;
                if (response.nextBackwardToken() == null
                        || response.nextBackwardToken().equals(token)) {
                    break;
                }
                token = response.nextBackwardToken();
            }
        } catch (ResourceNotFoundException e) {
            return List.of();
        } catch (RuntimeException e) {
            throw AwsErrors.of("GetLogEvents " + group + " " + stream, e);
        }
        return newestLast.size() <= max
                ? newestLast
                : newestLast.subList(newestLast.size() - max, newestLast.size());
    }

    @Override
    public List<LogLine> between(String requestedGroup, Instant from, Instant to, int max) {
        String group = group(requestedGroup);
        List<LogLine> lines = new ArrayList<>();
        String token = null;
        try {
            for (int page = 0; page < MAX_PAGES && lines.size() < max; page++) {
                String next = token;
                int want = Math.min(10_000, max - lines.size());
                FilterLogEventsResponse response =
                        logs.filterLogEvents(
                                r ->
                                        r.logGroupName(group)
                                                .startTime(from.toEpochMilli())
                                                .endTime(to.toEpochMilli())
                                                .limit(want)
                                                .nextToken(next));
                for (FilteredLogEvent e : response.events()) {
                    lines.add(
                            new LogLine(
                                    Instant.ofEpochMilli(e.timestamp()),
                                    group,
                                    e.logStreamName(),
                                    "",
                                    e.message()));
                }
                token = response.nextToken();
                if (token == null || token.isEmpty()) {
                    break;
                }
            }
        } catch (ResourceNotFoundException e) {
            return List.of();
        } catch (RuntimeException e) {
            throw AwsErrors.of("FilterLogEvents " + group, e);
        }
        lines.sort(LogLine.BY_TIME);
        return lines.size() <= max ? lines : lines.subList(0, max);
    }
}
