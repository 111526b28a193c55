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
 *       holding {@code #{AWS::X}} in a second, invalid {@code Fn::Sub}.
 * </ol>
 */
public final class UpstreamDifferences {
    private UpstreamDifferences() {}

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
                case "events" ->
                        rewritten.put(
                                "events",
                                "process".equals(name)
                                        ? partialBatchResponses(e.getValue())
                                        : e.getValue());
                case "module", "pythonRequirements" -> {
                    // a Java function has no Python module directory and no Python requirements
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
