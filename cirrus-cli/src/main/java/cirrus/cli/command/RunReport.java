package cirrus.cli.command;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cirrus.local.run.JobSummary;
import cirrus.local.run.PayloadResult;
import cirrus.runtime.json.Json;
import cirrus.runtime.port.WorkflowState;

/** Prints what {@code cirrus run} did, one block per payload, then a one-line summary. */
final class RunReport {
    private RunReport() {}

    static void print(List<PayloadResult> results, Path project, PrintWriter out) {
        results.forEach(r -> block(r, project, out));
        summary(results, out);
    }

    /** The block of one payload: its state and id, then what it produced or why it failed. */
    static void block(PayloadResult r, Path project, PrintWriter out) {
        String label =
                r.skippedBecause().isPresent()
                        ? "SKIPPED"
                        : r.state().map(WorkflowState::name).orElse("RUNNING");
        out.printf(Locale.ROOT, "%-10s %s%n", label, r.id());
        r.skippedBecause().ifPresent(why -> out.println("  skipped  " + why));
        r.chainedFrom().ifPresent(p -> out.println("  chained  from " + p));
        if (!r.state().map(WorkflowState::isFinal).orElse(true) || r.state().isEmpty()) {
            out.println("  note     still running when the run stopped waiting");
        }
        r.lastError()
                .filter(e -> r.state().map(s -> s != WorkflowState.COMPLETED).orElse(false))
                .ifPresent(e -> out.println("  error    " + e));
        r.outputs().forEach(o -> out.println("  output   " + o));
        for (JobSummary j : r.jobs()) {
            StringBuilder line = new StringBuilder("  job      ");
            line.append(j.jobName()).append(' ').append(j.jobId()).append(' ').append(j.status());
            line.append(" (queue ").append(j.jobQueue());
            j.exitCode().ifPresent(c -> line.append(", exit ").append(c));
            line.append(')');
            if (!j.status().equals("SUCCEEDED")) {
                j.statusReason().ifPresent(reason -> line.append(" ").append(reason));
                j.logFile().ifPresent(f -> line.append(" log ").append(relative(project, f)));
            }
            out.println(line);
        }
    }

    /** The one-line count of how the payloads ended: {@code 5 completed, 1 failed}. */
    static void summary(List<PayloadResult> results, PrintWriter out) {
        Map<WorkflowState, Integer> counts = new EnumMap<>(WorkflowState.class);
        int skipped = 0;
        int running = 0;
        for (PayloadResult r : results) {
            if (r.skippedBecause().isPresent()) {
                skipped++;
            } else if (r.state().isEmpty()) {
                running++;
            } else {
                counts.merge(r.state().get(), 1, Integer::sum);
            }
        }
        String summary =
                counts.entrySet().stream()
                        .map(e -> e.getValue() + " " + e.getKey().name().toLowerCase(Locale.ROOT))
                        .collect(Collectors.joining(", "));
        if (skipped > 0) {
            summary += (summary.isEmpty() ? "" : ", ") + skipped + " skipped";
        }
        if (running > 0) {
            summary += (summary.isEmpty() ? "" : ", ") + running + " still running";
        }
        out.println(summary.isEmpty() ? "nothing to run" : summary);
    }

    /** The results as one JSON array (for {@code --output json}). */
    static ArrayNode json(List<PayloadResult> results) {
        ArrayNode array = Json.MAPPER.createArrayNode();
        for (PayloadResult r : results) {
            ObjectNode o = array.addObject();
            o.put("id", r.id());
            o.put(
                    "state",
                    r.skippedBecause().isPresent()
                            ? "SKIPPED"
                            : r.state().map(WorkflowState::name).orElse("RUNNING"));
            r.skippedBecause().ifPresent(why -> o.put("skipped", why));
            r.chainedFrom().ifPresent(p -> o.put("chainedFrom", p));
            r.lastError()
                    .filter(e -> r.state().map(s -> s != WorkflowState.COMPLETED).orElse(false))
                    .ifPresent(e -> o.put("error", e));
            r.outputs().forEach(o.putArray("outputs")::add);
            r.executions().forEach(o.putArray("executions")::add);
            ArrayNode jobs = o.putArray("jobs");
            for (JobSummary j : r.jobs()) {
                ObjectNode job =
                        jobs.addObject()
                                .put("name", j.jobName())
                                .put("id", j.jobId())
                                .put("status", j.status())
                                .put("queue", j.jobQueue());
                j.exitCode().ifPresent(c -> job.put("exitCode", c));
                j.statusReason().ifPresent(reason -> job.put("statusReason", reason));
                j.logFile().ifPresent(f -> job.put("log", f));
            }
        }
        return array;
    }

    private static String relative(Path project, String file) {
        Path p = Path.of(file);
        return p.startsWith(project) ? project.relativize(p).toString() : file;
    }
}
