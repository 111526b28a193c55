package cirrus.compile.cfn;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cirrus.compile.Compilation;
import cirrus.compile.CompileDiagnostics;
import cirrus.resolve.ResolvedTree;
import cirrus.resolve.VariableResolver;
import cirrus.resolve.VariableSources;

/**
 * {@code cirrus build --target cloudformation}: the compiled {@code serverless.yml} tree, with its
 * serverless variables resolved, as one standalone CloudFormation template that deploys with {@code
 * aws cloudformation deploy} or {@code cirrus deploy} (no Node, no Serverless Framework).
 *
 * <p>Order: the project's CloudFormation objects ({@code resources}); every function with its log
 * group, role and events; the REST API of the {@code http} events; every state machine with its
 * role; the code parameters. Everything found goes to the diagnostics; check them before using the
 * template.
 */
public final class CloudFormationTarget {
    /** CloudFormation's limits per template. */
    static final int MAX_RESOURCES = 500;

    static final int MAX_OUTPUTS = 200;
    static final int MAX_PARAMETERS = 200;

    /**
     * What the variables resolve from.
     *
     * @param stage {@code --stage}
     * @param region {@code --region}
     * @param environment the environment {@code ${env:X}} reads
     */
    public record Options(
            Optional<String> stage, Optional<String> region, Map<String, String> environment) {
        public Options {
            environment = Map.copyOf(environment);
        }

        VariableSources sources() {
            Map<String, String> options = new LinkedHashMap<>();
            stage.ifPresent(s -> options.put("stage", s));
            region.ifPresent(r -> options.put("region", r));
            Map<String, String> aws = new LinkedHashMap<>();
            region.ifPresent(r -> aws.put("region", r));
            return new VariableSources(options, environment, aws);
        }
    }

    private CloudFormationTarget() {}

    /** Compiles {@code compilation}; empty when something stopped it (see the diagnostics). */
    public static Optional<StackTemplate> compile(
            Compilation compilation, Options options, CompileDiagnostics diagnostics) {
        ResolvedTree resolved =
                VariableResolver.resolve(compilation.serverless(), null, options.sources());
        resolved.errors().forEach(diagnostics::add); // CIRRUS-R00x, the resolver's own codes
        if (!resolved.isResolved()) {
            return Optional.empty();
        }
        Map<String, Object> config = resolved.rootMap().orElse(Map.of());
        Findings findings = new Findings(diagnostics);
        Service service = Service.of(config);
        if (!service.stackName().matches("[A-Za-z][A-Za-z0-9-]{0,127}")) {
            findings.error(
                    CfnCode.BAD_NAME,
                    "service",
                    "the stack name '"
                            + service.stackName()
                            + "' is not valid for CloudFormation (a letter, then letters, digits and '-', at most 128)");
        }
        for (String key : service.ignored()) {
            findings.warning(
                    CfnCode.IGNORED_SETTING,
                    "provider." + key,
                    "has no effect on the CloudFormation template");
        }
        TemplateSections template = new TemplateSections(findings);
        ProjectResources.addTo(template, Tree.map(config.get("resources")), findings);

        Map<String, Object> functions = Tree.map(config.get("functions"));
        Map<String, String> functionIds = new LinkedHashMap<>();
        functions.keySet().forEach(k -> functionIds.put(k, LogicalIds.lambdaFunction(k)));
        CodeParameters code = new CodeParameters();
        RestApi api = new RestApi(findings);
        EventRules rules = new EventRules(template, findings);
        FunctionEvents events = new FunctionEvents(template, api, rules, findings);
        FunctionResources lambdas =
                new FunctionResources(
                        service, template, code, events, findings, Tree.map(config.get("custom")));
        functions.forEach((key, fn) -> lambdas.compile(key, Tree.map(fn)));
        rules.addDeadLetterPolicies();
        api.addTo(template, service);

        StateMachineResources machines =
                new StateMachineResources(service, template, findings, functionIds);
        Tree.map(Tree.map(config.get("stepFunctions")).get("stateMachines"))
                .forEach((key, sm) -> machines.compile(key, Tree.map(sm)));
        code.addTo(template);
        References.check(template, findings);

        limit(template, "Resources", MAX_RESOURCES, findings);
        limit(template, "Outputs", MAX_OUTPUTS, findings);
        limit(template, "Parameters", MAX_PARAMETERS, findings);
        if (diagnostics.hasErrors()) {
            return Optional.empty();
        }
        return Optional.of(
                new StackTemplate(
                        template.template(),
                        service.stackName(),
                        service.stage(),
                        service.region(),
                        service.deploymentBucket(),
                        code.artifacts(),
                        slimPatterns(
                                Tree.map(
                                        Tree.map(config.get("custom"))
                                                .get("pythonRequirements")))));
    }

    /** serverless-python-requirements' default slim patterns. */
    static final List<String> DEFAULT_SLIM_PATTERNS =
            List.of("**/*.py[c|o]", "**/__pycache__*", "**/*.dist-info*");

    /**
     * The patterns {@code slim: true} removes from installed requirements: {@code slimPatterns},
     * plus the defaults unless {@code slimPatternsAppendDefaults: false}.
     */
    static List<String> slimPatterns(Map<String, Object> pythonRequirements) {
        if (!cirrus.project.Trees.truthy(pythonRequirements.get("slim"))) {
            return List.of();
        }
        List<String> patterns = new java.util.ArrayList<>();
        Tree.list(pythonRequirements.get("slimPatterns"))
                .forEach(p -> Tree.text(p).ifPresent(patterns::add));
        if (!Boolean.FALSE.equals(pythonRequirements.get("slimPatternsAppendDefaults"))) {
            patterns.addAll(DEFAULT_SLIM_PATTERNS);
        }
        return patterns;
    }

    private static void limit(
            TemplateSections template, String section, int max, Findings findings) {
        int n = template.ids(section).size();
        if (n > max) {
            findings.error(
                    CfnCode.LIMIT,
                    section,
                    n
                            + " entries, CloudFormation accepts at most "
                            + max
                            + " per template; split the project or disable components");
        }
    }
}
