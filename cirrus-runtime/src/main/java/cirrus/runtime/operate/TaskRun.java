package cirrus.runtime.operate;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import cirrus.runtime.json.InvalidJsonException;
import cirrus.runtime.json.Json;

/**
 * One task of an execution's history: its state, the Lambda function or Batch job it ran, and the
 * time window in which that function or job wrote its logs.
 *
 * @param state the Task state's name
 * @param function the Lambda function name, for a Lambda task
 * @param jobId the Batch job id, for a Batch task
 * @param from a second before the task was scheduled
 * @param to a few seconds after it ended (log delivery lags), or now while it runs
 */
record TaskRun(
        String state, Optional<String> function, Optional<String> jobId, Instant from, Instant to) {
    private static final Pattern JOB_ID = Pattern.compile("\"JobId\"\\s*:\\s*\"([^\"]+)\"");
    private static final Duration BEFORE = Duration.ofSeconds(1);
    private static final Duration AFTER = Duration.ofSeconds(5);

    static List<TaskRun> of(List<HistoryEvent> events, Instant now) {
        List<TaskRun> runs = new ArrayList<>();
        String state = "";
        for (int i = 0; i < events.size(); i++) {
            HistoryEvent e = events.get(i);
            if (e.type().equals("TaskStateEntered")) {
                state = e.detail("name").orElse("");
                continue;
            }
            boolean task = e.type().equals("TaskScheduled");
            boolean legacyLambda = e.type().equals("LambdaFunctionScheduled");
            if (!task && !legacyLambda) {
                continue;
            }
            String resourceType = e.detail("resourceType").orElse("");
            String resource = e.detail("resource").orElse("");
            Optional<String> function = Optional.empty();
            Optional<String> jobId = Optional.empty();
            Instant end = now;
            boolean batch = resourceType.equals("batch") || resource.contains("batch:submitJob");
            for (int j = i + 1; j < events.size(); j++) {
                HistoryEvent next = events.get(j);
                if (batch && jobId.isEmpty()) {
                    jobId =
                            next.detail("output")
                                    .flatMap(TaskRun::jobIdIn)
                                    .or(() -> next.detail("cause").flatMap(TaskRun::jobIdIn));
                }
                if (next.type().endsWith("StateExited") || next.type().startsWith("Execution")) {
                    end = next.timestamp();
                    break;
                }
            }
            if (legacyLambda || resourceType.equals("lambda") || resource.contains(":function:")) {
                function =
                        functionName(
                                legacyLambda
                                        ? resource
                                        : e.detail("parameters")
                                                .flatMap(TaskRun::functionParameter)
                                                .orElse(resource));
            }
            runs.add(
                    new TaskRun(
                            state, function, jobId, e.timestamp().minus(BEFORE), end.plus(AFTER)));
        }
        return runs;
    }

    private static Optional<String> functionParameter(String parameters) {
        try {
            JsonNode p = Json.parse(parameters);
            JsonNode fn = p.get("FunctionName");
            return fn == null || !fn.isTextual() ? Optional.empty() : Optional.of(fn.asText());
        } catch (InvalidJsonException e) {
            return Optional.empty();
        }
    }

    /**
     * The name in a function name or ARN ({@code arn:aws:lambda:r:a:function:NAME[:qualifier]}).
     */
    static Optional<String> functionName(String nameOrArn) {
        if (nameOrArn == null || nameOrArn.isBlank()) {
            return Optional.empty();
        }
        int at = nameOrArn.indexOf(":function:");
        if (at < 0) {
            return nameOrArn.contains(":") ? Optional.empty() : Optional.of(nameOrArn);
        }
        String rest = nameOrArn.substring(at + ":function:".length());
        int colon = rest.indexOf(':');
        return Optional.of(colon < 0 ? rest : rest.substring(0, colon));
    }

    private static Optional<String> jobIdIn(String text) {
        Matcher m = JOB_ID.matcher(text);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }
}
