package cirrus.validate.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Resolves the Serverless Framework variables the validator needs numbers and names from ({@code
 * MaxvCpus: ${self:custom.batch.BasicComputeEnvironments.MaxvCpus}}, {@code name:
 * ${self:service}-${self:provider.stage}-x}), without deploying anything: {@code ${self:a.b}} reads
 * the compiled {@code serverless.yml}, {@code ${sls:stage}} is the provider's stage, and {@code
 * ${opt:x, default}} (like every source the validator cannot read: {@code env}, {@code ssm}, {@code
 * cf}, …) takes its fallback. Anything else is unresolved, and rules that need the value then say
 * nothing.
 */
public final class ServerlessVariables {
    private static final int MAX_DEPTH = 10;

    private final Map<String, Object> serverless;

    /**
     * @param serverless the compiled configuration ({@code self})
     */
    public ServerlessVariables(Map<String, Object> serverless) {
        this.serverless = serverless;
    }

    /** True when {@code text} contains a Serverless variable ({@code ${source:…}}). */
    public static boolean hasVariable(String text) {
        int start = text.indexOf("${");
        while (start >= 0) {
            int end = closing(text, start);
            if (end < 0) {
                return false;
            }
            if (isVariable(text.substring(start + 2, end))) {
                return true;
            }
            start = text.indexOf("${", end);
        }
        return false;
    }

    /**
     * Whether the inside of a {@code ${…}} is a Serverless variable rather than a CloudFormation
     * {@code Fn::Sub} placeholder ({@code AWS::Region}, {@code Res.Arn}, {@code Name}).
     */
    public static boolean isVariable(String inside) {
        String s = inside.trim();
        if (s.contains("${") || s.contains(",") || s.contains("(")) {
            return true;
        }
        int colon = s.indexOf(':');
        return colon > 0 && !s.startsWith("AWS::") && !s.contains("::");
    }

    /** {@code value} with its variables resolved; empty when one of them cannot be. */
    public Optional<Object> resolve(Object value) {
        return resolve(value, 0);
    }

    /** The text of {@code value} resolved to a string or number, if it is one. */
    public Optional<String> resolveText(Object value) {
        return resolve(value)
                .filter(v -> v instanceof String || v instanceof Number || v instanceof Boolean)
                .map(String::valueOf);
    }

    /** The number {@code value} stands for (a number, or a string or variable that is one). */
    public Optional<Double> resolveNumber(Object value) {
        Optional<Object> resolved = resolve(value);
        if (resolved.isEmpty()) {
            return Optional.empty();
        }
        Object v = resolved.get();
        if (v instanceof Number n) {
            return Optional.of(n.doubleValue());
        }
        if (v instanceof String s) {
            try {
                return Optional.of(Double.parseDouble(s.trim()));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** The stage: {@code provider.stage} resolved, else {@code dev} (Serverless' default). */
    public String stage() {
        Object stage = serverless.get("provider") instanceof Map<?, ?> p ? p.get("stage") : null;
        return stage == null ? "dev" : resolveText(stage).orElse("dev");
    }

    private Optional<Object> resolve(Object value, int depth) {
        if (!(value instanceof String s) || !s.contains("${")) {
            return Optional.of(value);
        }
        if (depth > MAX_DEPTH) {
            return Optional.empty();
        }
        int start = s.indexOf("${");
        int end = start < 0 ? -1 : closing(s, start);
        if (start == 0 && end == s.length() - 1 && isVariable(s.substring(2, end))) {
            return expression(s.substring(2, end), depth);
        }
        StringBuilder out = new StringBuilder();
        int from = 0;
        while (start >= 0) {
            end = closing(s, start);
            if (end < 0) {
                return Optional.empty();
            }
            out.append(s, from, start);
            String inside = s.substring(start + 2, end);
            if (isVariable(inside)) {
                Optional<Object> v = expression(inside, depth);
                if (v.isEmpty() || v.get() instanceof Map<?, ?> || v.get() instanceof List<?>) {
                    return Optional.empty();
                }
                out.append(v.get());
            } else {
                out.append(s, start, end + 1);
            }
            from = end + 1;
            start = s.indexOf("${", from);
        }
        out.append(s.substring(from));
        return Optional.of(out.toString());
    }

    /** One {@code ${…}}: alternatives separated by commas, the first that resolves wins. */
    private Optional<Object> expression(String inside, int depth) {
        for (String alternative : alternatives(inside)) {
            Optional<Object> v = alternative(alternative.trim(), depth);
            if (v.isPresent() && v.get() != null) {
                return v;
            }
        }
        return Optional.empty();
    }

    private Optional<Object> alternative(String a, int depth) {
        if (a.length() >= 2
                && ((a.startsWith("'") && a.endsWith("'"))
                        || (a.startsWith("\"") && a.endsWith("\"")))) {
            return Optional.of(a.substring(1, a.length() - 1));
        }
        if (a.matches("-?\\d+(\\.\\d+)?")) {
            return Optional.of(a.contains(".") ? Double.parseDouble(a) : Long.parseLong(a));
        }
        if (a.startsWith("${")) {
            return resolve(a, depth + 1);
        }
        if (a.equals("sls:stage")) {
            return Optional.of(stage());
        }
        if (a.startsWith("self:")) {
            Optional<Object> address = resolve(a.substring("self:".length()), depth + 1);
            if (address.isEmpty() || !(address.get() instanceof String path)) {
                return Optional.empty();
            }
            return lookup(path).flatMap(v -> resolve(v, depth + 1));
        }
        return Optional.empty(); // opt:, env:, ssm:, cf:, file(…): unknown without deploying
    }

    private Optional<Object> lookup(String path) {
        Object node = serverless;
        if (path.isEmpty()) {
            return Optional.of(node);
        }
        for (String step : path.split("\\.")) {
            if (node instanceof Map<?, ?> m && m.containsKey(step)) {
                node = m.get(step);
            } else if (node instanceof List<?> l && step.matches("\\d+")) {
                int i = Integer.parseInt(step);
                if (i >= l.size()) {
                    return Optional.empty();
                }
                node = l.get(i);
            } else {
                return Optional.empty();
            }
        }
        return Optional.ofNullable(node);
    }

    private static List<String> alternatives(String inside) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        char quote = 0;
        int from = 0;
        for (int i = 0; i < inside.length(); i++) {
            char c = inside.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth--;
            } else if (c == ',' && depth == 0) {
                parts.add(inside.substring(from, i));
                from = i + 1;
            }
        }
        parts.add(inside.substring(from));
        return parts;
    }

    /** The index of the {@code }} closing the {@code ${} at {@code start}, or -1. */
    static int closing(String s, int start) {
        int depth = 0;
        for (int i = start + 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth--;
                if (depth == 0) {
                    return i;
                }
            }
        }
        return -1;
    }
}
