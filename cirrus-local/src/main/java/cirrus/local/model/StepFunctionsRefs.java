package cirrus.local.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cirrus.resolve.Origins;

/**
 * The serverless-step-functions reference syntax inside state machine definitions: a string with
 * {@code #{Name}} placeholders becomes {@code {Fn::Sub: "...${Name}..."}}, i.e. {@code Ref}
 * semantics (a job queue's ARN, a job definition's ARN).
 */
final class StepFunctionsRefs {
    private static final Pattern PLACEHOLDER = Pattern.compile("#\\{([^}]+)}");

    private StepFunctionsRefs() {}

    /** A copy of a definition with every {@code #{Name}} string turned into an {@code Fn::Sub}. */
    static Object convert(Object node, Origins origins) {
        if (node instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            origins.derived(copy, map);
            map.forEach((k, v) -> copy.put(String.valueOf(k), convert(v, origins)));
            return copy;
        }
        if (node instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            origins.derived(copy, list);
            list.forEach(v -> copy.add(convert(v, origins)));
            return copy;
        }
        if (node instanceof String s && s.contains("#{")) {
            Matcher m = PLACEHOLDER.matcher(s);
            if (m.find()) {
                String template =
                        m.replaceAll(r -> Matcher.quoteReplacement("${" + r.group(1) + "}"));
                return Map.of("Fn::Sub", template);
            }
        }
        return node;
    }
}
