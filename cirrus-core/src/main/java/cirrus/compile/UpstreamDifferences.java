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
 *       (in {@code show} output) no {@code pythonRequirements}; the {@code process} function's
 *       {@code sqs} event has {@code functionResponseType: ReportBatchItemFailures} (each message
 *       is settled on its own);
 *   <li>{@code !Sub [template, vars]} keeps its template as is, where upstream wrapped a template
 *       holding {@code #{AWS::X}} in a second, invalid {@code Fn::Sub};
 *   <li>a project made by {@code cirrus init} runs Python functions on {@value
 *       #INIT_PYTHON_RUNTIME} where v0.15.4's template said {@value #UPSTREAM_INIT_PYTHON_RUNTIME},
 *       which AWS no longer lets anyone create (so {@code provider.runtime} differs), and its
 *       {@code package.json} pins Serverless {@value #INIT_SERVERLESS_VERSION} (whose schema knows
 *       {@code java21});
 *   <li>the builtins whose Java handler makes a call v0.15.4's Python did not get the statement
 *       that allows it, appended to their {@code iamRoleStatements} ({@link #ADDED_STATEMENTS}).
 * </ol>
 */
public final class UpstreamDifferences {
    /** The provider runtime v0.15.4's {@code init} wrote. */
    public static final String UPSTREAM_INIT_PYTHON_RUNTIME = "python3.9";

    /** The provider runtime our {@code init} writes: one AWS Lambda lets you create today. */
    public static final String INIT_PYTHON_RUNTIME = "python3.12";

    /** The Serverless range v0.15.4's {@code init} pinned in {@code package.json}. */
    public static final String UPSTREAM_INIT_SERVERLESS_VERSION = "~3.18.0";

    /** The Serverless range our {@code init} pins: the last v3 release, whose schema has java21. */
    public static final String INIT_SERVERLESS_VERSION = "~3.40.0";

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
     * A file v0.15.4's {@code init} wrote ({@code cirrus.yml}, {@code package.json}) as our {@code
     * init} writes it: the same text with the newer Python runtime and Serverless pin.
     */
    public static String initFile(String upstreamText) {
        return upstreamText
                .replace(
                        "runtime: " + UPSTREAM_INIT_PYTHON_RUNTIME + "\n",
                        "runtime: " + INIT_PYTHON_RUNTIME + "\n")
                .replace(
                        "\"serverless\": \"" + UPSTREAM_INIT_SERVERLESS_VERSION + "\"",
                        "\"serverless\": \"" + INIT_SERVERLESS_VERSION + "\"");
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
        if (upstream.get("provider") instanceof Map<?, ?> provider
                && UPSTREAM_INIT_PYTHON_RUNTIME.equals(provider.get("runtime"))) {
            @SuppressWarnings("unchecked")
            Map<String, Object> p = (Map<String, Object>) provider;
            p.put("runtime", INIT_PYTHON_RUNTIME);
        }
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
                case "events" ->
                        rewritten.put(
                                "events",
                                "process".equals(name)
                                        ? partialBatchResponses(e.getValue())
                                        : e.getValue());
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

    /** Every {@code sqs} event of {@code events} reports its failed messages one by one. */
    private static Object partialBatchResponses(Object events) {
        if (!(events instanceof List<?> list)) {
            return events;
        }
        List<Object> out = new ArrayList<>();
        for (Object event : list) {
            if (event instanceof Map<?, ?> m && m.get("sqs") instanceof Map<?, ?> sqs) {
                Map<String, Object> rewritten = new LinkedHashMap<>();
                sqs.forEach((k, v) -> rewritten.put(String.valueOf(k), v));
                rewritten.put("functionResponseType", "ReportBatchItemFailures");
                Map<String, Object> wrapped = new LinkedHashMap<>();
                wrapped.put("sqs", rewritten);
                out.add(wrapped);
            } else {
                out.add(event);
            }
        }
        return out;
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
