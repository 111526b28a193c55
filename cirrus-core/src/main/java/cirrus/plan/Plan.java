package cirrus.plan;

import java.util.List;
import java.util.Objects;

import cirrus.plan.bluegreen.BlueGreenStatus;
import cirrus.plan.diff.ResourceChange;

/**
 * The result of comparing two templates: per Batch-related resource what CloudFormation will do and
 * what that does to running jobs and executions; stack-wide findings (quotas); and the changed
 * resources the planner has no rules for.
 *
 * @param before what the old template is called in output
 * @param after what the new template is called in output
 * @param resources the analysed resources with findings, most risky first
 * @param stack stack-wide findings
 * @param notAnalysed changed resources of types the planner does not analyse
 * @param blueGreen where blue/green resources stand in the procedure
 */
public record Plan(
        String before,
        String after,
        List<ResourcePlan> resources,
        List<Finding> stack,
        List<ResourceChange> notAnalysed,
        List<BlueGreenStatus> blueGreen) {
    public Plan {
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
        resources = List.copyOf(resources);
        stack = List.copyOf(stack);
        notAnalysed = List.copyOf(notAnalysed);
        blueGreen = List.copyOf(blueGreen);
    }

    /** The highest risk of any finding; {@link Risk#INFO} for an empty plan. */
    public Risk risk() {
        Risk risk = Risk.INFO;
        for (ResourcePlan r : resources) {
            risk = risk.max(r.risk());
        }
        for (Finding f : stack) {
            risk = risk.max(f.risk());
        }
        return risk;
    }

    /** Whether the plan has a breaking change (the CI gate). */
    public boolean breaking() {
        return risk() == Risk.BREAKING;
    }

    /** How many findings have {@code risk}. */
    public int count(Risk risk) {
        int n = 0;
        for (ResourcePlan r : resources) {
            n += (int) r.findings().stream().filter(f -> f.risk() == risk).count();
        }
        n += (int) stack.stream().filter(f -> f.risk() == risk).count();
        return n;
    }

    /** Whether nothing changes at all. */
    public boolean empty() {
        return resources.isEmpty()
                && stack.isEmpty()
                && notAnalysed.isEmpty()
                && blueGreen.isEmpty();
    }

    /** The same plan with other names for the two templates. */
    public Plan labelled(String beforeLabel, String afterLabel) {
        return new Plan(beforeLabel, afterLabel, resources, stack, notAnalysed, blueGreen);
    }
}
