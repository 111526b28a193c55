package cirrus.compile.cfn;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One entry of {@code stepFunctions.stateMachines} as an {@code AWS::StepFunctions::StateMachine}
 * (logical id and {@code <id>Arn} output as serverless-step-functions names them), its definition
 * rewritten by {@link DefinitionSubstitution}, and, unless it names a {@code role}, a role that
 * allows exactly what {@link StateMachinePermissions} reads from the definition (plus log delivery
 * with {@code loggingConfig} and X-Ray with {@code tracingConfig}).
 *
 * @see <a
 *     href="https://github.com/serverless-operations/serverless-step-functions">serverless-step-functions</a>
 */
final class StateMachineResources {
    private static final Set<String> KEYS =
            Set.of(
                    "name",
                    "definition",
                    "role",
                    "type",
                    "loggingConfig",
                    "tracingConfig",
                    "tags",
                    "dependsOn",
                    "id");

    private final Service service;
    private final TemplateSections template;
    private final Findings findings;
    private final Map<String, String> functionIds;

    /**
     * @param functionIds function key → logical id of its Lambda function, for {@code !GetAtt
     *     <function>.Arn} in definitions
     */
    StateMachineResources(
            Service service,
            TemplateSections template,
            Findings findings,
            Map<String, String> functionIds) {
        this.service = service;
        this.template = template;
        this.findings = findings;
        this.functionIds = functionIds;
    }

    void compile(String key, Map<String, Object> machine) {
        String where = "stepFunctions.stateMachines." + key;
        if (!findings.onlyKeys(machine, KEYS, where)) {
            return;
        }
        if (!(machine.get("definition") instanceof Map<?, ?>)) {
            findings.invalid(
                    where + ".definition",
                    "the definition must be a map (Amazon States Language as YAML)");
            return;
        }
        String name = Tree.text(machine.get("name")).orElse(null);
        String id = LogicalIds.stateMachine(key, Tree.text(machine.get("id")).orElse(null), name);
        if (!LogicalIds.valid(id)) {
            findings.error(
                    CfnCode.BAD_NAME,
                    where,
                    "'" + id + "' is not a valid logical id (letters and digits only); set 'id'");
            return;
        }
        if (name != null && (name.length() > 80 || !name.matches("[A-Za-z0-9_-]+"))) {
            findings.error(
                    CfnCode.BAD_NAME,
                    where + ".name",
                    "'"
                            + name
                            + "' is not a valid state machine name (1-80 letters, digits, '-' and '_')");
        }
        Object definition =
                DefinitionSubstitution.pointAtFunctions(
                        machine.get("definition"), functionIds, template::hasResource);

        Map<String, Object> properties = new LinkedHashMap<>();
        if (name != null) {
            properties.put("StateMachineName", name);
        }
        properties.put("DefinitionString", DefinitionSubstitution.definitionString(definition));
        String roleId = null;
        if (machine.get("role") != null) {
            Object role = machine.get("role");
            properties.put(
                    "RoleArn",
                    role instanceof String s && !s.startsWith("arn:") ? Intrinsic.arn(s) : role);
        } else {
            roleId = id + "Role";
            properties.put("RoleArn", Intrinsic.arn(roleId));
        }
        Tree.text(machine.get("type")).ifPresent(t -> properties.put("StateMachineType", t));
        Map<String, Object> logging = Tree.map(machine.get("loggingConfig"));
        if (!logging.isEmpty()) {
            properties.put("LoggingConfiguration", loggingConfiguration(logging));
        }
        if (Boolean.TRUE.equals(Tree.map(machine.get("tracingConfig")).get("enabled"))) {
            properties.put("TracingConfiguration", Map.of("Enabled", true));
        }
        List<Object> tags = new ArrayList<>();
        Map<String, Object> allTags = new LinkedHashMap<>(service.tags());
        allTags.putAll(Tree.map(machine.get("tags")));
        allTags.forEach((k, v) -> tags.add(Intrinsic.map("Key", k, "Value", Tree.scalarAsText(v))));
        if (!tags.isEmpty()) {
            properties.put("Tags", tags);
        }
        Map<String, Object> resource =
                template.resource(id, "AWS::StepFunctions::StateMachine", properties);
        List<Object> dependsOn = new ArrayList<>();
        dependsOn.addAll(
                machine.get("dependsOn") instanceof String s
                        ? List.of(s)
                        : Tree.list(machine.get("dependsOn")));
        if (!dependsOn.isEmpty()) {
            resource.put("DependsOn", dependsOn);
        }
        template.output(id + "Arn", Intrinsic.ref(id), "ARN of the state machine " + key);

        if (roleId != null) {
            List<Object> statements =
                    new ArrayList<>(
                            StateMachinePermissions.of(definition, where, template, findings));
            if (!logging.isEmpty()) {
                statements.add(
                        allow(
                                List.of(
                                        "logs:CreateLogDelivery",
                                        "logs:GetLogDelivery",
                                        "logs:UpdateLogDelivery",
                                        "logs:DeleteLogDelivery",
                                        "logs:ListLogDeliveries",
                                        "logs:PutResourcePolicy",
                                        "logs:DescribeResourcePolicies",
                                        "logs:DescribeLogGroups")));
            }
            if (properties.containsKey("TracingConfiguration")) {
                statements.add(
                        allow(
                                List.of(
                                        "xray:PutTraceSegments",
                                        "xray:PutTelemetryRecords",
                                        "xray:GetSamplingRules",
                                        "xray:GetSamplingTargets")));
            }
            Map<String, Object> role =
                    Intrinsic.map(
                            "Path",
                            "/",
                            "AssumeRolePolicyDocument",
                            FunctionRole.assumeRole("states.amazonaws.com"));
            if (!statements.isEmpty()) {
                String policy = service.stackName() + "-" + key + "-statemachine";
                role.put(
                        "Policies",
                        List.of(
                                Intrinsic.map(
                                        "PolicyName",
                                        policy.length() > 128 ? policy.substring(0, 128) : policy,
                                        "PolicyDocument",
                                        Intrinsic.map(
                                                "Version",
                                                "2012-10-17",
                                                "Statement",
                                                statements))));
            }
            template.resource(roleId, "AWS::IAM::Role", role);
        }
    }

    private static Map<String, Object> allow(List<String> actions) {
        return Intrinsic.map("Effect", "Allow", "Action", actions, "Resource", "*");
    }

    private static Map<String, Object> loggingConfiguration(Map<String, Object> logging) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("Level", Tree.text(logging.get("level")).orElse("ERROR"));
        config.put(
                "IncludeExecutionData", Boolean.TRUE.equals(logging.get("includeExecutionData")));
        List<Object> destinations = new ArrayList<>();
        for (Object d : Tree.list(logging.get("destinations"))) {
            destinations.add(Map.of("CloudWatchLogsLogGroup", Map.of("LogGroupArn", d)));
        }
        config.put("Destinations", destinations);
        return config;
    }
}
