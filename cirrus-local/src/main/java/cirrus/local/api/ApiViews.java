package cirrus.local.api;

import java.util.List;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cirrus.local.batch.Job;
import cirrus.local.batch.JobAttempt;
import cirrus.local.engine.ExecutionRecord;
import cirrus.runtime.statedb.IsoTime;

/** The JSON shapes of the local API. */
final class ApiViews {
    private ApiViews() {}

    /** An execution, DescribeExecution-like; with input and output when {@code full}. */
    static ObjectNode execution(ExecutionRecord e, boolean full) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("executionArn", e.arn());
        o.put("name", e.name());
        o.put("workflow", e.workflow());
        e.payloadId().ifPresent(id -> o.put("payload_id", id));
        o.put("status", e.status().name());
        o.put("startDate", IsoTime.format(e.startTime()));
        e.stopTime().ifPresent(t -> o.put("stopDate", IsoTime.format(t)));
        e.error().filter(s -> !s.isEmpty()).ifPresent(s -> o.put("error", s));
        e.cause().filter(s -> !s.isEmpty()).ifPresent(s -> o.put("cause", s));
        o.put("reported", e.reported());
        if (full) {
            o.set("input", e.input());
            e.output().ifPresent(out -> o.set("output", out));
        }
        return o;
    }

    /** A job, ListJobs-summary-like, with its last attempt. */
    static ObjectNode job(Job job) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("jobId", job.jobId());
        o.put("jobName", job.jobName());
        o.put("jobQueue", job.jobQueue());
        o.put("jobDefinition", job.jobDefinitionArn());
        o.put("status", job.status().name());
        if (job.statusReason() != null) {
            o.put("statusReason", job.statusReason());
        }
        o.put("createdAt", job.createdAt());
        List<JobAttempt> attempts = job.attempts();
        if (!attempts.isEmpty()) {
            JobAttempt last = attempts.get(attempts.size() - 1);
            ObjectNode container = o.putObject("container");
            if (last.exitCode() != null) {
                container.put("exitCode", last.exitCode());
            }
            if (last.reason() != null) {
                container.put("reason", last.reason());
            }
            if (last.logStreamName() != null) {
                container.put("logStreamName", last.logStreamName());
            }
        }
        job.tags().forEach((k, v) -> o.with("tags").put(k, v));
        return o;
    }
}
