package cirrus.validate.rule;

import java.util.List;
import java.util.Set;

import cirrus.validate.Findings;
import cirrus.validate.ProjectView;
import cirrus.validate.Rule;
import cirrus.validate.analysis.Asl;
import cirrus.validate.source.Node;

/**
 * Workflows: Retry and Catch are lists of mappings, only on Task, Parallel and Map states; every
 * entry has a non-empty {@code ErrorEquals} of error names; retriers have {@code IntervalSeconds}
 * and {@code MaxDelaySeconds} of at least 1, {@code MaxAttempts} of at least 0 and {@code
 * BackoffRate} of at least 1.0; catchers have a {@code Next}.
 *
 * @see <a href="https://states-language.net/spec.html#errors">ASL: errors</a>
 */
public final class RetryCatchRule implements Rule {
    private static final Set<String> RETRIER_KEYS =
            Set.of(
                    "ErrorEquals",
                    "IntervalSeconds",
                    "MaxAttempts",
                    "BackoffRate",
                    "MaxDelaySeconds",
                    "JitterStrategy",
                    "Comment");
    private static final Set<String> CATCHER_KEYS =
            Set.of("ErrorEquals", "Next", "ResultPath", "Comment", "Output", "Assign");

    @Override
    public void check(ProjectView project, Findings findings) {
        for (Asl.State s : Asl.of(project).states()) {
            for (String field : List.of("Retry", "Catch")) {
                Node list = s.node().get(field).orElse(null);
                if (list == null) {
                    continue;
                }
                String what = field + " of state '" + s.name() + "'";
                if (!Asl.RETRYABLE.contains(s.type()) && Asl.TYPES.contains(s.type())) {
                    findings.add(
                            list.keyLocation(),
                            "state '"
                                    + s.name()
                                    + "' is a "
                                    + s.type()
                                    + " state, which cannot have "
                                    + field);
                    continue;
                }
                if (!list.isList()) {
                    findings.add(list.location(), what + " must be a list of entries");
                    continue;
                }
                for (Node entry : list.items()) {
                    entry(
                            entry,
                            field.equals("Retry"),
                            what + ", entry " + ((Integer) entry.key() + 1),
                            findings);
                }
            }
        }
    }

    private static void entry(Node entry, boolean retry, String what, Findings findings) {
        if (!entry.isMap()) {
            findings.add(entry.location(), what + " must be a mapping");
            return;
        }
        for (Node key : entry.entries()) {
            String k = key.name().orElse("");
            if (!(retry ? RETRIER_KEYS : CATCHER_KEYS).contains(k)) {
                findings.add(key.keyLocation(), what + " has an unknown field '" + k + "'");
            }
        }
        Node errors = entry.get("ErrorEquals").orElse(null);
        if (errors == null) {
            findings.add(entry.location(), what + " has no ErrorEquals");
        } else if (!errors.isList()
                || errors.items().isEmpty()
                || !errors.items().stream().allMatch(e -> e.value() instanceof String)) {
            findings.add(
                    errors.location(),
                    "ErrorEquals of " + what + " must be a non-empty list of error names");
        }
        if (retry) {
            number(entry, "IntervalSeconds", 1, true, what, findings);
            number(entry, "MaxDelaySeconds", 1, true, what, findings);
            number(entry, "MaxAttempts", 0, true, what, findings);
            number(entry, "BackoffRate", 1, false, what, findings);
            entry.get("JitterStrategy")
                    .ifPresent(
                            j -> {
                                if (!(j.value() instanceof String v)
                                        || !(v.equals("FULL") || v.equals("NONE"))) {
                                    findings.add(
                                            j.location(),
                                            "JitterStrategy of " + what + " must be FULL or NONE");
                                }
                            });
        } else {
            Node next = entry.get("Next").orElse(null);
            if (next == null) {
                findings.add(entry.location(), what + " has no Next");
            } else if (!(next.value() instanceof String)) {
                findings.add(next.location(), "Next of " + what + " must be a state name");
            }
        }
    }

    private static void number(
            Node entry, String key, double min, boolean integer, String what, Findings findings) {
        entry.get(key)
                .ifPresent(
                        n -> {
                            boolean ok =
                                    n.value() instanceof Number v
                                            && v.doubleValue() >= min
                                            && (!integer
                                                    || v.doubleValue()
                                                            == Math.rint(v.doubleValue()));
                            if (!ok) {
                                findings.add(
                                        n.location(),
                                        key
                                                + " of "
                                                + what
                                                + " must be "
                                                + (integer ? "an integer" : "a number")
                                                + " of at least "
                                                + (integer
                                                        ? String.valueOf((long) min)
                                                        : String.valueOf(min))
                                                + ", not "
                                                + n.value());
                            }
                        });
    }
}
