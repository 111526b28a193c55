package cirrus.plan.rule;

import java.util.List;

import cirrus.plan.Finding;
import cirrus.plan.diff.ResourceChange;

/**
 * One verdict rule: looks at one resource's changes (and, through the context, at the rest of both
 * templates) and returns the findings it is responsible for, each naming the changed paths it
 * explains. Rules are registered by resource type in {@link RuleTable}.
 */
public interface Rule {
    List<Finding> apply(ResourceChange change, PlanContext context);
}
