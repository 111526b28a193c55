package cirrus.cli.command;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import cirrus.local.run.JobSummary;
import cirrus.local.run.PayloadResult;
import cirrus.runtime.port.WorkflowState;

/** Prints what {@code cirrus run} did, one block per payload, then a one-line summary. */
final class RunReport {
    private RunReport() {}

    static void print(List<PayloadResult> results, Path project, PrintWriter out) {
        Map<WorkflowState, Integer> counts = new EnumMap<>(WorkflowState.class);
        int skipped = 0;
        int running = 0;
        for (PayloadResult r : results) {
            String label;
            if (r.skippedBecause().isPresent()) {
                label = "SKIPPED";
                skipped++;
            } else if (r.state().isEmpty()) {
                label = "RUNNING";
                running++;
            } else {
                label = r.state().get().name();
                counts.merge(r.state().get(), 1, Integer::sum);
            }
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
                line.append(j.jobName())
                        .append(' ')
                        .append(j.jobId())
                        .append(' ')
                        .append(j.status());
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

    private static String relative(Path project, String file) {
        Path p = Path.of(file);
        return p.startsWith(project) ? project.relativize(p).toString() : file;
    }
}
