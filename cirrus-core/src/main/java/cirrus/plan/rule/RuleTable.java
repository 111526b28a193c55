package cirrus.plan.rule;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import cirrus.plan.template.ResourceTypes;

/**
 * The one table of verdict rules, by resource type. A type without an entry is not analysed: its
 * changes are listed as such. Every analysed type also gets the creation and removal rules, and
 * changes no rule explains fall back to {@link PropertyTableRule}.
 */
public final class RuleTable {
    private static final Map<String, List<Rule>> RULES =
            Map.of(
                    ResourceTypes.JOB_DEFINITION,
                    List.of(
                            new JobDefinitionRevisionRule(),
                            new JobDefinitionReplacementRule(),
                            new JobDefinitionRollbackRule()),
                    ResourceTypes.COMPUTE_ENVIRONMENT,
                    List.of(
                            new ComputeEnvironmentReplacementRule(),
                            new InfrastructureChangeRule(),
                            new ScalingRule(),
                            new ComputeEnvironmentStateRule(),
                            new ReplaceFlagRule(),
                            new ServiceRoleRule(),
                            new DeferredImageRule()),
                    ResourceTypes.JOB_QUEUE,
                    List.of(
                            new QueueReplacementRule(),
                            new QueueOrderRule(),
                            new QueueSchedulingRule(),
                            new QueueStateRule()),
                    ResourceTypes.LAUNCH_TEMPLATE,
                    List.of(new LaunchTemplateRule()),
                    ResourceTypes.STATE_MACHINE,
                    List.of(new StateMachineRule()),
                    ResourceTypes.IAM_ROLE,
                    List.of(),
                    ResourceTypes.INSTANCE_PROFILE,
                    List.of(),
                    ResourceTypes.SCHEDULING_POLICY,
                    List.of());

    private static final List<Rule> LIFECYCLE = List.of(new CreationRule(), new RemovalRule());

    private static final Rule FALLBACK = new PropertyTableRule();

    private RuleTable() {}

    /** Whether the planner has rules for {@code type}. */
    public static boolean analyses(String type) {
        return RULES.containsKey(type);
    }

    /** The rules for {@code type}, lifecycle rules included; empty when not analysed. */
    public static List<Rule> rulesFor(String type) {
        List<Rule> rules = RULES.get(type);
        if (rules == null) {
            return List.of();
        }
        List<Rule> all = new ArrayList<>(LIFECYCLE);
        all.addAll(rules);
        return all;
    }

    /** The rule for changes no other rule explains. */
    public static Rule fallback() {
        return FALLBACK;
    }
}
