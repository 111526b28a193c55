package cirrus.plan.report;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import cirrus.plan.Finding;
import cirrus.plan.Plan;
import cirrus.plan.ResourcePlan;
import cirrus.plan.Risk;
import cirrus.plan.Source;
import cirrus.plan.bluegreen.BlueGreenStatus;
import cirrus.plan.diff.Change;
import cirrus.plan.diff.ResourceChange;

/**
 * The plan as text for people: a summary line, then per resource its changes and each verdict with
 * why, impact, safe strategy and sources; then stack-wide findings and the changed resources that
 * were not analysed. Deterministic, so it is golden-tested.
 */
public final class TextReport {
    private final StringBuilder out = new StringBuilder();

    private TextReport() {}

    /** The text of {@code plan}, ending with a newline. */
    public static String of(Plan plan) {
        TextReport r = new TextReport();
        r.write(plan);
        return r.out.toString();
    }

    private void write(Plan plan) {
        line("Plan: " + plan.before() + " -> " + plan.after());
        if (plan.empty()) {
            line("No changes.");
            return;
        }
        line(summary(plan));
        for (ResourcePlan r : plan.resources()) {
            line("");
            resource(r);
        }
        if (!plan.stack().isEmpty()) {
            line("");
            line("Stack:");
            for (Finding f : plan.stack()) {
                finding(f, "  ");
            }
        }
        if (!plan.blueGreen().isEmpty()) {
            line("");
            line("Blue/green:");
            for (BlueGreenStatus b : plan.blueGreen()) {
                line("  " + String.join(", ", b.stems()) + ": " + b.summary());
                line("    next: " + b.next());
            }
        }
        if (!plan.notAnalysed().isEmpty()) {
            line("");
            line("Not analysed (no Batch rules for these; review them yourself):");
            for (ResourceChange c : plan.notAnalysed()) {
                line("  " + c.logicalId() + " (" + c.type() + "): " + c.kind().label() + paths(c));
            }
        }
    }

    static String summary(Plan plan) {
        return String.format(
                Locale.ROOT,
                "%d breaking, %d warning, %d info in %d resource%s%s%s",
                plan.count(Risk.BREAKING),
                plan.count(Risk.WARNING),
                plan.count(Risk.INFO),
                plan.resources().size(),
                plan.resources().size() == 1 ? "" : "s",
                plan.notAnalysed().isEmpty()
                        ? ""
                        : "; " + plan.notAnalysed().size() + " not analysed",
                plan.breaking() ? " (exit status 3)" : "");
    }

    private void resource(ResourcePlan r) {
        line(
                r.logicalId()
                        + " ("
                        + r.type()
                        + "): "
                        + r.action().label()
                        + " ["
                        + r.risk().label()
                        + "]");
        ResourceChange c = r.change();
        if (c.kind() == ResourceChange.Kind.ADDED) {
            line("  + added");
        } else if (c.kind() == ResourceChange.Kind.REMOVED) {
            line("  - removed");
        }
        for (Change ch : c.changes()) {
            line("  " + change(ch));
        }
        for (Finding f : r.findings()) {
            finding(f, "  ");
        }
    }

    static String change(Change c) {
        if (c.derived()) {
            return "> " + c.path() + ": " + ValueText.of(c.after()) + " (" + c.cause() + ")";
        }
        if (c.added()) {
            return "+ " + c.path() + ": " + ValueText.of(c.after());
        }
        if (c.removed()) {
            return "- " + c.path() + ": " + ValueText.of(c.before());
        }
        String[] values = ValueText.pair(c.before(), c.after());
        return "~ " + c.path() + ": " + values[0] + " -> " + values[1];
    }

    private void finding(Finding f, String indent) {
        StringBuilder head =
                new StringBuilder(indent).append('[').append(f.risk().label()).append("] ");
        head.append(f.row() > 0 ? "row " + f.row() + " " + f.rule() : f.rule());
        if (f.action() != cirrus.plan.Action.NONE && !f.rule().equals(f.action().id())) {
            head.append(": ").append(f.action().label());
        }
        if (f.logicalId().equals(cirrus.plan.rule.QuotaCheck.STACK)) {
            head.append(" (").append(f.type()).append(')');
        }
        line(head.toString());
        line(indent + "  why: " + f.why());
        if (!f.impact().isEmpty()) {
            line(indent + "  impact: " + f.impact());
        }
        if (!f.strategy().isEmpty()) {
            line(indent + "  safe: " + f.strategy());
        }
        if (!f.sources().isEmpty()) {
            line(
                    indent
                            + "  sources: "
                            + f.sources().stream()
                                    .map(Source::id)
                                    .collect(Collectors.joining(", ")));
        }
    }

    private static String paths(ResourceChange c) {
        List<String> paths = c.changes().stream().map(Change::path).distinct().toList();
        return paths.isEmpty() ? "" : " " + String.join(", ", paths);
    }

    private void line(String s) {
        out.append(s).append('\n');
    }
}
