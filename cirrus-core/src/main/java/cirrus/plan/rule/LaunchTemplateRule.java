package cirrus.plan.rule;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import cirrus.plan.Action;
import cirrus.plan.Finding;
import cirrus.plan.Risk;
import cirrus.plan.Source;
import cirrus.plan.diff.Change;
import cirrus.plan.diff.ResourceChange;
import cirrus.plan.template.Intrinsic;
import cirrus.plan.template.ReferenceIndex;
import cirrus.plan.template.Resource;
import cirrus.plan.template.ResourceTypes;

/**
 * Row 17: a launch template whose {@code LaunchTemplateData} changes gets a new version, but a
 * compute environment keeps the version it resolved when it was created or last updated. With
 * {@code $Latest} the new version is picked up at the next infrastructure update; with {@code
 * $Default} (also when no version is given) never, because CloudFormation does not move the default
 * version. A compute environment that pins {@code GetAtt LatestVersionNumber} changes itself (row
 * 18, judged by {@link InfrastructureChangeRule}).
 */
final class LaunchTemplateRule implements Rule {
    @Override
    public List<Finding> apply(ResourceChange change, PlanContext context) {
        if (change.kind() != ResourceChange.Kind.MODIFIED) {
            return List.of();
        }
        List<Finding> findings = new ArrayList<>();
        List<Change> name = change.under("LaunchTemplateName");
        List<Change> data = change.under("LaunchTemplateData");
        if (!name.isEmpty()) {
            findings.add(
                    Finding.about(change.logicalId(), change.type())
                            .rule("lt-replacement", 0)
                            .action(Action.REPLACEMENT)
                            .risk(Risk.INFO)
                            .paths(Wording.paths(change.changes()))
                            .why(
                                    "LaunchTemplateName changes: replacement, a new launch"
                                            + " template with a new id")
                            .impact(
                                    "compute environments that reference it change with it (see"
                                            + " them)")
                            .strategy("none for the launch template itself")
                            .sources(Source.CFN_LT)
                            .build());
            return findings;
        }
        if (!data.isEmpty()) {
            findings.add(
                    Finding.about(change.logicalId(), change.type())
                            .rule("lt-new-version", 0)
                            .action(Action.UPDATE)
                            .risk(Risk.INFO)
                            .paths(Wording.paths(data))
                            .why(
                                    "LaunchTemplateData changes: CloudFormation adds a new launch"
                                            + " template version (LatestVersionNumber changes) and"
                                            + " leaves the default version where it is")
                            .impact("none on the launch template itself")
                            .strategy("see the compute environments that use it")
                            .sources(Source.CFN_LT, Source.CFN_LT_DEFAULT)
                            .build());
            for (ReferenceIndex.Use use : context.afterRefs().to(change.logicalId())) {
                userFinding(change, use, context).ifPresent(findings::add);
            }
        }
        return findings;
    }

    private static Optional<Finding> userFinding(
            ResourceChange lt, ReferenceIndex.Use use, PlanContext context) {
        Resource ce = context.after().resource(use.from()).orElse(null);
        if (ce == null
                || !ce.type().equals(ResourceTypes.COMPUTE_ENVIRONMENT)
                || !use.reference().path().startsWith("ComputeResources.LaunchTemplate")
                || use.reference().path().endsWith(".Version")) {
            return Optional.empty();
        }
        boolean pinsLatest =
                context.afterRefs().from(ce.logicalId()).stream()
                        .anyMatch(
                                r ->
                                        r.target().equals(lt.logicalId())
                                                && r.path().endsWith("LaunchTemplate.Version")
                                                && !r.attribute().equals("DefaultVersionNumber"));
        if (pinsLatest) {
            return Optional.empty();
        }
        Object version = ce.at("ComputeResources.LaunchTemplate.Version").orElse("$Default");
        String text = Intrinsic.text(version).orElse(String.valueOf(version));
        if (version instanceof java.util.Map<?, ?> && !text.equals("$Latest")) {
            text = "DefaultVersionNumber";
        }
        Action ceAction = context.action(ce.logicalId());
        boolean rebuilt =
                ceAction == Action.INFRASTRUCTURE_UPDATE || ceAction == Action.REPLACEMENT;
        Finding.Builder finding =
                Finding.about(ce.logicalId(), ce.type())
                        .rule("lt-version-not-applied", 17)
                        .action(Action.NONE)
                        .sources(Source.API_LTS, Source.CFN_CE, Source.SEED);
        if (text.equals("$Latest")) {
            if (rebuilt) {
                return Optional.of(
                        finding.risk(Risk.INFO)
                                .why(
                                        "launch template "
                                                + lt.logicalId()
                                                + " gets a new version and this compute"
                                                + " environment uses $Latest: its "
                                                + ceAction.label()
                                                + " in this deploy picks the new version up")
                                .impact("as for the compute environment's own change")
                                .strategy("none beyond that change's")
                                .build());
            }
            return Optional.of(
                    finding.risk(Risk.WARNING)
                            .why(
                                    "launch template "
                                            + lt.logicalId()
                                            + " gets a new version, but nothing else of this"
                                            + " compute environment changes: it keeps the version"
                                            + " it resolved at creation or at its last"
                                            + " infrastructure update")
                            .impact(
                                    "none now: the new version is pending, not applied; $Latest"
                                            + " picks it up at the next infrastructure update,"
                                            + " whatever triggers it")
                            .strategy(
                                    "pin Version: !GetAtt "
                                            + lt.logicalId()
                                            + ".LatestVersionNumber so that the change is planned"
                                            + " as a compute-environment update, or blue/green")
                            .build());
        }
        return Optional.of(
                finding.risk(Risk.WARNING)
                        .why(
                                "launch template "
                                        + lt.logicalId()
                                        + " gets a new version, but this compute environment"
                                        + " uses "
                                        + (text.startsWith("$")
                                                        || text.equals("DefaultVersionNumber")
                                                ? text + " (the default version)"
                                                : "version " + text)
                                        + ", which CloudFormation does not move")
                        .impact(
                                "none: the new launch template settings are never used, not even"
                                        + " after an infrastructure update or a replacement")
                        .strategy(
                                "set Version: !GetAtt "
                                        + lt.logicalId()
                                        + ".LatestVersionNumber (or $Latest plus an"
                                        + " infrastructure update), or blue/green")
                        .sources(Source.CFN_LT_DEFAULT)
                        .build());
    }
}
