package cirrus.compile.cfn;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One function of {@code functions} as CloudFormation: an {@code AWS::Lambda::Function} named
 * {@code <service>-<stage>-<key>}, its log group {@code /aws/lambda/<name>}, its role ({@link
 * FunctionRole}) and its events ({@link FunctionEvents}). Settings the function does not give come
 * from {@code provider} ({@code runtime}, {@code memorySize} (1024), {@code timeout} (6), {@code
 * vpc}, {@code architecture}, {@code logRetentionInDays}, {@code tags}). A setting with no
 * translation is an error rather than silently dropped.
 *
 * @see <a href="https://www.serverless.com/framework/docs/providers/aws/guide/functions">Serverless
 *     functions</a>
 */
final class FunctionResources {
    private static final Set<String> KEYS =
            Set.of(
                    "handler",
                    "runtime",
                    "memorySize",
                    "timeout",
                    "description",
                    "environment",
                    "events",
                    "iamRoleStatements",
                    "iamRoleStatementsInherit",
                    "iamRoleStatementsName",
                    "reservedConcurrency",
                    "vpc",
                    "layers",
                    "ephemeralStorageSize",
                    "tracing",
                    "tags",
                    "name",
                    "role",
                    "package",
                    "module",
                    "image",
                    "architecture",
                    "logRetentionInDays",
                    "kmsKeyArn",
                    "condition",
                    "dependsOn");
    private static final int DEFAULT_MEMORY = 1024;
    private static final int DEFAULT_TIMEOUT = 6;

    private final Service service;
    private final TemplateSections template;
    private final CodeParameters code;
    private final FunctionEvents events;
    private final Findings findings;
    private final boolean inheritByDefault;

    FunctionResources(
            Service service,
            TemplateSections template,
            CodeParameters code,
            FunctionEvents events,
            Findings findings,
            Map<String, Object> custom) {
        this.service = service;
        this.template = template;
        this.code = code;
        this.events = events;
        this.findings = findings;
        this.inheritByDefault =
                Boolean.TRUE.equals(
                        Tree.map(custom.get("serverless-iam-roles-per-function"))
                                .get("defaultInherit"));
    }

    void compile(String key, Map<String, Object> function) {
        String where = "functions." + key;
        if (!findings.onlyKeys(function, KEYS, where)) {
            return;
        }
        String name = service.functionName(key, function);
        if (name.length() > 64) {
            findings.error(
                    CfnCode.BAD_NAME,
                    where,
                    "the function name '"
                            + name
                            + "' is longer than Lambda's 64 characters; set a shorter 'name'");
        }
        String logicalId = LogicalIds.lambdaFunction(key);
        Object customRole = function.get("role");
        String roleId = customRole == null ? LogicalIds.role(key) : null;
        FunctionRole role = new FunctionRole();
        FunctionContext context = new FunctionContext(key, name, logicalId, roleId, role);

        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("FunctionName", name);
        if (!code(key, function, properties, where)) {
            return;
        }
        Tree.text(function.get("description"))
                .filter(d -> !d.isEmpty())
                .ifPresent(d -> properties.put("Description", d));
        properties.put(
                "MemorySize",
                setting(function, "memorySize")
                        .flatMap(Tree::number)
                        .orElse((long) DEFAULT_MEMORY));
        properties.put(
                "Timeout",
                setting(function, "timeout").flatMap(Tree::number).orElse((long) DEFAULT_TIMEOUT));
        Map<String, Object> environment =
                environment(function.get("environment"), where + ".environment");
        if (!environment.isEmpty()) {
            properties.put("Environment", Map.of("Variables", environment));
        }
        properties.put("Role", customRole == null ? Intrinsic.arn(roleId) : roleArn(customRole));
        Map<String, Object> vpc = Tree.map(setting(function, "vpc").orElse(null));
        if (!vpc.isEmpty()) {
            properties.put(
                    "VpcConfig",
                    Intrinsic.map(
                            "SecurityGroupIds",
                            vpc.get("securityGroupIds"),
                            "SubnetIds",
                            vpc.get("subnetIds")));
            role.inVpc();
        }
        Tree.number(function.get("reservedConcurrency"))
                .ifPresent(n -> properties.put("ReservedConcurrentExecutions", n));
        setting(function, "layers").ifPresent(l -> properties.put("Layers", l));
        Tree.number(function.get("ephemeralStorageSize"))
                .ifPresent(size -> properties.put("EphemeralStorage", Map.of("Size", size)));
        tracing(function).ifPresent(mode -> properties.put("TracingConfig", Map.of("Mode", mode)));
        setting(function, "architecture")
                .ifPresent(a -> properties.put("Architectures", List.of(a)));
        setting(function, "kmsKeyArn").ifPresent(k -> properties.put("KmsKeyArn", k));
        List<Object> tags = tags(function);
        if (!tags.isEmpty()) {
            properties.put("Tags", tags);
        }

        String logGroupId = LogicalIds.logGroup(key);
        Map<String, Object> logGroup = Intrinsic.map("LogGroupName", "/aws/lambda/" + name);
        setting(function, "logRetentionInDays")
                .flatMap(Tree::number)
                .ifPresent(d -> logGroup.put("RetentionInDays", d));
        template.resource(logGroupId, "AWS::Logs::LogGroup", logGroup);

        Map<String, Object> resource =
                template.resource(logicalId, "AWS::Lambda::Function", properties);
        List<Object> dependsOn = new ArrayList<>(List.of(logGroupId));
        dependsOn.addAll(
                function.get("dependsOn") instanceof String s
                        ? List.of(s)
                        : Tree.list(function.get("dependsOn")));
        resource.put("DependsOn", dependsOn);
        if (function.get("condition") != null) {
            resource.put("Condition", function.get("condition"));
        }

        events.compile(context, Tree.list(function.get("events")));
        if (roleId != null) {
            role.addAll(Tree.list(function.get("iamRoleStatements")));
            boolean inherit =
                    function.containsKey("iamRoleStatementsInherit")
                            ? Boolean.TRUE.equals(function.get("iamRoleStatementsInherit"))
                            : inheritByDefault || !function.containsKey("iamRoleStatements");
            if (inherit) {
                role.addAll(service.iamStatements());
            }
            role.addTo(template, roleId, policyName(key), name);
        }
    }

    /**
     * Sets {@code Code} (and {@code Handler}, {@code Runtime}, {@code PackageType}); false when the
     * function has no code.
     */
    private boolean code(
            String key,
            Map<String, Object> function,
            Map<String, Object> properties,
            String where) {
        Object image = function.get("image");
        if (image != null) {
            if (!(image instanceof String uri)) {
                findings.unsupported(where + ".image", "give the image URI as a string");
                return false;
            }
            properties.put("PackageType", "Image");
            properties.put("Code", Map.of("ImageUri", uri));
            return true;
        }
        Optional<String> artifact = Tree.text(Tree.map(function.get("package")).get("artifact"));
        Optional<String> module = Tree.text(function.get("module"));
        String parameter;
        if (artifact.isPresent()) {
            parameter = code.file(artifact.get());
        } else if (module.isPresent()) {
            parameter = code.directory(module.get());
        } else {
            findings.error(
                    CfnCode.NO_CODE,
                    where,
                    "the function has no code: give it a handler file (module) or package.artifact");
            return false;
        }
        Optional<String> handler = Tree.text(function.get("handler"));
        Optional<Object> runtime = setting(function, "runtime");
        if (handler.isEmpty() || runtime.isEmpty()) {
            findings.invalid(
                    where,
                    "a function deployed from code needs a handler and a runtime (function or provider)");
            return false;
        }
        properties.put("Handler", handler.get());
        properties.put("Runtime", runtime.get());
        properties.put(
                "Code",
                Intrinsic.map(
                        "S3Bucket",
                        Intrinsic.ref(CodeParameters.BUCKET),
                        "S3Key",
                        Intrinsic.ref(parameter)));
        return true;
    }

    private Optional<Object> setting(Map<String, Object> function, String key) {
        return Optional.ofNullable(function.get(key)).or(() -> service.setting(key));
    }

    /**
     * X-Ray tracing: the function's {@code tracing} ({@code Active}/{@code PassThrough}), else the
     * provider's {@code tracing.lambda} ({@code true} is {@code Active}).
     */
    private Optional<String> tracing(Map<String, Object> function) {
        Object value =
                function.containsKey("tracing")
                        ? function.get("tracing")
                        : Tree.map(service.provider().get("tracing")).get("lambda");
        if (Boolean.TRUE.equals(value)) {
            return Optional.of("Active");
        }
        return value instanceof String mode
                ? Optional.of(mode.equalsIgnoreCase("active") ? "Active" : "PassThrough")
                : Optional.empty();
    }

    private Map<String, Object> environment(Object value, String where) {
        Map<String, Object> variables = new LinkedHashMap<>();
        Tree.map(value)
                .forEach(
                        (k, v) -> {
                            if (v == null) {
                                findings.invalid(
                                        where + "." + k, "an environment variable needs a value");
                            } else {
                                variables.put(k, Tree.scalarAsText(v));
                            }
                        });
        return variables;
    }

    private List<Object> tags(Map<String, Object> function) {
        Map<String, Object> all = new LinkedHashMap<>(service.tags());
        all.putAll(Tree.map(function.get("tags")));
        List<Object> tags = new ArrayList<>();
        all.forEach((k, v) -> tags.add(Intrinsic.map("Key", k, "Value", Tree.scalarAsText(v))));
        return tags;
    }

    /** A custom {@code role}: a logical id, an ARN or an intrinsic. */
    private static Object roleArn(Object role) {
        if (role instanceof String s && !s.startsWith("arn:")) {
            return Intrinsic.arn(s);
        }
        return role;
    }

    private String policyName(String key) {
        String name = service.service() + "-" + service.stage() + "-" + key + "-lambda";
        return name.length() > 128 ? name.substring(0, 128) : name;
    }
}
