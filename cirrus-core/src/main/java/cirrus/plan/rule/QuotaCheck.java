package cirrus.plan.rule;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import cirrus.plan.Action;
import cirrus.plan.Finding;
import cirrus.plan.Risk;
import cirrus.plan.Source;
import cirrus.plan.template.ResourceTypes;

/**
 * Quota headroom: at most 50 job queues and 50 compute environments per account and Region (not
 * adjustable). Replacements create the new resource before deleting the old one, and a blue/green
 * swap adds its green copies next to the blue ones, so the peak during a deploy is higher than the
 * count after it. The stack is all the planner sees: other stacks in the Region count too.
 */
public final class QuotaCheck {
    /** The logical id used for stack-wide findings. */
    public static final String STACK = "(stack)";

    static final int LIMIT = 50;
    static final int NEAR = 45;

    private QuotaCheck() {}

    /** The quota findings for a plan whose resources get {@code actions}. */
    public static List<Finding> check(PlanContext context, Map<String, Action> actions) {
        List<Finding> findings = new ArrayList<>();
        quota(context, actions, ResourceTypes.JOB_QUEUE, "job queues").ifPresent(findings::add);
        quota(context, actions, ResourceTypes.COMPUTE_ENVIRONMENT, "compute environments")
                .ifPresent(findings::add);
        return findings;
    }

    private static java.util.Optional<Finding> quota(
            PlanContext context, Map<String, Action> actions, String type, String what) {
        int after = context.after().ofType(type).size();
        int before = context.before().ofType(type).size();
        int created = 0;
        int replaced = 0;
        for (var r : context.after().ofType(type)) {
            Action a = actions.getOrDefault(r.logicalId(), Action.NONE);
            if (a == Action.CREATE) {
                created++;
            } else if (a == Action.REPLACEMENT) {
                replaced++;
            }
        }
        int peak = Math.max(before, after) + replaced;
        if (created == 0 && after < NEAR && peak <= LIMIT) {
            return java.util.Optional.empty();
        }
        Risk risk = peak > LIMIT ? Risk.BREAKING : after >= NEAR ? Risk.WARNING : Risk.INFO;
        return java.util.Optional.of(
                Finding.about(STACK, type)
                        .rule("quota", 0)
                        .action(Action.NONE)
                        .risk(risk)
                        .why(
                                "this stack holds "
                                        + after
                                        + "/"
                                        + LIMIT
                                        + " "
                                        + what
                                        + " after the deploy (peak during it: "
                                        + peak
                                        + ", as replacements and blue/green copies exist next to"
                                        + " the old ones until cleanup)")
                        .impact(
                                peak > LIMIT
                                        ? "creating more than 50 fails the deploy"
                                        : "other stacks in the same account and Region count"
                                                + " towards the same limit of "
                                                + LIMIT)
                        .strategy(
                                "keep enough headroom for one blue/green swap: one free slot per"
                                        + " compute environment and queue swapped")
                        .sources(Source.UG_Q, Source.SEED)
                        .build());
    }
}
