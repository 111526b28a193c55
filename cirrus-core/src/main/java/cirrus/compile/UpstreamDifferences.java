package cirrus.compile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The intended differences between our {@code serverless.yml} and cirrus v0.15.4's, as one
 * function: applied to a file upstream wrote, it gives the file we write for the same project.
 * Parity tests compare our output with upstream's after this, byte for byte, so nothing else can
 * differ unnoticed. Each rule is described in {@code docs/compatibility.md} (section "Build
 * output"):
 *
 * <ol>
 *   <li>the builtin Lambda functions run on Java: {@code memorySize} {@value
 *       JavaBuiltins#MEMORY_SIZE}, {@code runtime: java21} before {@code handler}, a Java {@code
 *       handler}, {@code package: {artifact: lambdas/cirrus-builtins.jar}}, no {@code module} and
 *       (in {@code show} output) no {@code pythonRequirements};
 *   <li>{@code !Sub [template, vars]} keeps its template as is, where upstream wrapped a template
 *       holding {@code #{AWS::X}} in a second, invalid {@code Fn::Sub}.
 *   <li>the builtins whose Java handler makes a call v0.15.4's Python did not get the statement
 *       that allows it, appended to their {@code iamRoleStatements} ({@link #ADDED_STATEMENTS}).
 * </ol>
 */
public final class UpstreamDifferences {
    private UpstreamDifferences() {}

    // as the build writes them: #{AWS::X} in a definition becomes an Fn::Sub of ${AWS::X}
    private static final Map<String, Object> STATES_EXECUTION =
            Map.of(
                    "Fn::Sub",
                    "arn:aws:states:${AWS::Region}:${AWS::AccountId}:execution:${AWS::StackName}-*");
    private static final Map<String, Object> BUCKET_SECRETS =
            Map.of(
                    "Fn::Sub",
                    "arn:aws:secretsmanager:${AWS::Region}:${AWS::AccountId}:secret:cirrus-creds-*");

    /**
     * The IAM statements a builtin gets beyond v0.15.4's, by function: {@code process} looks up its
     * deterministic execution before starting it ({@code states:DescribeExecution}); {@code
     * update-state} reads payloads passed by URL through the per-bucket credentials, which look up
     * the secret {@code cirrus-creds-<bucket>} first.
     */
    public static final Map<String, Map<String, Object>> ADDED_STATEMENTS =
            Map.of(
                    "process",
                    statement(List.of("states:DescribeExecution"), STATES_EXECUTION),
                    "update-state",
                    statement("secretsmanager:GetSecretValue", List.of(BUCKET_SECRETS)));

    private static Map<String, Object> statement(Object action, Object resource) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("Effect", "Allow");
        s.put("Action", action);
        s.put("Resource", resource);
        return s;
    }

    /**
     * Rewrites an upstream {@code serverless.yml} tree (or any tree with a {@code functions}
     * mapping, such as a {@code show} Lambda config wrapped in one) in place and returns it.
     */
    public static Map<String, Object> applyTo(Map<String, Object> upstream) {
        if (upstream.get("functions") instanceof Map<?, ?> functions) {
            for (Map.Entry<?, ?> e : functions.entrySet()) {
                String name = String.valueOf(e.getKey());
                if (e.getValue() instanceof Map<?, ?> fn && isUpstreamBuiltin(name, fn)) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> entry = (Map<String, Object>) fn;
                    javaBuiltin(name, entry);
                }
            }
        }
        unwrapSubTemplates(upstream);
        return upstream;
    }

    private static boolean isUpstreamBuiltin(String name, Map<?, ?> fn) {
        return JavaBuiltins.isBuiltinFunction(name)
                && "lambda_function.lambda_handler".equals(fn.get("handler"))
                && ("lambdas/" + name).equals(fn.get("module"));
    }

    private static void javaBuiltin(String name, Map<String, Object> entry) {
        Map<String, Object> rewritten = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : entry.entrySet()) {
            switch (e.getKey()) {
                case "memorySize" -> rewritten.put("memorySize", (long) JavaBuiltins.MEMORY_SIZE);
                case "handler" -> {
                    rewritten.put("runtime", JavaBuiltins.RUNTIME);
                    rewritten.put("handler", JavaBuiltins.handler(name).orElseThrow());
                }
                case "package" -> {
                    Map<String, Object> pkg = new LinkedHashMap<>();
                    pkg.put("artifact", JavaBuiltins.ARTIFACT);
                    rewritten.put("package", pkg);
                }
                case "module", "pythonRequirements" -> {
                    // a Java function has no Python module directory and no Python requirements
                }
                case "iamRoleStatements" -> {
                    List<Object> statements = new ArrayList<>();
                    if (e.getValue() instanceof List<?> upstream) {
                        statements.addAll(upstream);
                    }
                    Map<String, Object> added = ADDED_STATEMENTS.get(name);
                    if (added != null) {
                        statements.add(new LinkedHashMap<>(added));
                    }
                    rewritten.put("iamRoleStatements", statements);
                }
                default -> rewritten.put(e.getKey(), e.getValue());
            }
        }
        entry.clear();
        entry.putAll(rewritten);
    }

    /** {@code Fn::Sub: [{Fn::Sub: t}, vars]} → {@code Fn::Sub: [t, vars]}, everywhere. */
    @SuppressWarnings("unchecked")
    private static void unwrapSubTemplates(Object node) {
        if (node instanceof Map<?, ?> map) {
            if (map.get("Fn::Sub") instanceof List<?> args
                    && !args.isEmpty()
                    && args.get(0) instanceof Map<?, ?> template
                    && template.size() == 1
                    && template.get("Fn::Sub") instanceof String text) {
                List<Object> fixed = new ArrayList<>(args);
                fixed.set(0, text);
                ((Map<String, Object>) map).put("Fn::Sub", fixed);
            }
            map.values().forEach(UpstreamDifferences::unwrapSubTemplates);
        } else if (node instanceof List<?> list) {
            list.forEach(UpstreamDifferences::unwrapSubTemplates);
        }
    }
}
