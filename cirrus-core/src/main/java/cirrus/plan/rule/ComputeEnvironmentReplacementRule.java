package cirrus.plan.rule;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import cirrus.plan.Action;
import cirrus.plan.Finding;
import cirrus.plan.Risk;
import cirrus.plan.Source;
import cirrus.plan.diff.Change;
import cirrus.plan.diff.ResourceChange;
import cirrus.plan.template.Intrinsic;

/**
 * Rows 13 and 14: {@code ComputeEnvironmentName}, {@code Type}, top-level {@code Tags}, {@code
 * EksConfiguration}, {@code ComputeResources.SpotIamFleetRole} and a switch between EC2/SPOT and
 * FARGATE/FARGATE_SPOT always replace a compute environment, whatever {@code
 * ReplaceComputeEnvironment} says. A custom-named compute environment cannot be replaced at all.
 * When this rule fires it accounts for every change of the resource.
 */
final class ComputeEnvironmentReplacementRule implements Rule {
    private static final Set<String> ALWAYS =
            Set.of("ComputeEnvironmentName", "Type", "Tags", "EksConfiguration");

    /** The changes of {@code change} that force a replacement. */
    static List<Change> triggers(ResourceChange change) {
        if (change.kind() != ResourceChange.Kind.MODIFIED) {
            return List.of();
        }
        return change.changes(
                c ->
                        ALWAYS.contains(c.head())
                                || c.path().equals("ComputeResources")
                                || c.under("ComputeResources.SpotIamFleetRole")
                                || (c.path().equals("ComputeResources.Type") && platformSwitch(c)));
    }

    /** EC2/SPOT ↔ FARGATE/FARGATE_SPOT. */
    static boolean platformSwitch(Change c) {
        return fargate(c.before()) != fargate(c.after());
    }

    private static boolean fargate(Object type) {
        return String.valueOf(type).toUpperCase(java.util.Locale.ROOT).startsWith("FARGATE");
    }

    @Override
    public List<Finding> apply(ResourceChange change, PlanContext context) {
        List<Change> triggers = triggers(change);
        if (triggers.isEmpty()) {
            return List.of();
        }
        boolean platform =
                triggers.stream()
                        .anyMatch(
                                c -> c.path().equals("ComputeResources.Type") && platformSwitch(c));
        ComputeEnvironmentFacts before = new ComputeEnvironmentFacts(change.before());
        boolean renamed = !change.under("ComputeEnvironmentName").isEmpty();
        String why =
                Wording.pathList(triggers)
                        + Wording.verb(triggers, " changes", " change")
                        + (platform
                                ? ": switching between EC2/SPOT and FARGATE creates a new compute"
                                        + " environment"
                                : ": "
                                        + Wording.verb(
                                                triggers,
                                                "this property requires",
                                                "these properties require")
                                        + " replacement");
        String impact;
        if (before.named() && !renamed) {
            impact =
                    "ComputeEnvironmentName is fixed ("
                            + name(change)
                            + "): CloudFormation cannot replace a custom-named resource, so the"
                            + " update fails and the stack rolls back";
        } else {
            impact =
                    "CloudFormation creates the new compute environment, moves the job queues to"
                            + " it and deletes the old one at cleanup: jobs still running on the"
                            + " old instances fail";
        }
        Finding.Builder finding = Finding.about(change.logicalId(), change.type());
        if (before.named()) {
            finding.sources(Source.CFN_NAME);
        }
        return List.of(
                finding.rule("ce-replacement", platform ? 14 : 13)
                        .action(Action.REPLACEMENT)
                        .risk(Risk.BREAKING)
                        .paths(Wording.paths(change.changes()))
                        .why(why)
                        .impact(impact)
                        .strategy(
                                "blue/green: create the changed compute environment under a new"
                                        + " name next to the old one, add it to the queue, and"
                                        + " remove the old one after its jobs finish"
                                        + " (batch.blueGreen: true does this per task)")
                        .sources(Source.CFN_CE, Source.CFN_CR, Source.UG_BG, Source.API_DCE)
                        .build());
    }

    static String name(ResourceChange change) {
        Optional<String> text =
                change.before().at("ComputeEnvironmentName").flatMap(Intrinsic::text);
        return text.orElse("set");
    }
}
