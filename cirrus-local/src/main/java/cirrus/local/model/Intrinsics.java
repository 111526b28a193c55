package cirrus.local.model;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import cirrus.diag.Diagnostic;
import cirrus.resolve.Origins;

/**
 * Evaluates CloudFormation intrinsic functions to local values: {@code Ref}, {@code Fn::GetAtt},
 * {@code Fn::Sub}, {@code Fn::Join}, {@code Fn::Select}, {@code Fn::Split}, {@code Fn::GetAZs},
 * {@code Fn::If} with the template's {@code Conditions} ({@code Fn::Equals}, {@code Fn::And},
 * {@code Fn::Or}, {@code Fn::Not}, {@code Condition}), {@code Fn::FindInMap} and {@code
 * Fn::Base64}; {@code Ref: AWS::NoValue} removes the key or item. Problems become diagnostics
 * located through {@link Origins}; the failing part is left as written.
 */
final class Intrinsics {
    private static final Object NO_VALUE = new Object();
    private static final Object FAILED = new Object();

    private final References references;
    private final Map<String, Object> conditions;
    private final Map<String, Object> mappings;
    private final Origins origins;
    private final List<Diagnostic> errors;
    private final Map<String, Boolean> conditionValues = new LinkedHashMap<>();
    private final Set<String> evaluatingConditions = new HashSet<>();

    Intrinsics(
            References references,
            Map<String, Object> conditions,
            Map<String, Object> mappings,
            Origins origins,
            List<Diagnostic> errors) {
        this.references = references;
        this.conditions = conditions;
        this.mappings = mappings;
        this.origins = origins;
        this.errors = errors;
    }

    /**
     * The value of {@code node} with every intrinsic function evaluated, or empty when it is (or
     * fails to evaluate to) nothing; {@code parent[key]} is where it is written.
     */
    Optional<Object> evaluate(Object node, Object parent, Object key) {
        Object v = eval(node, parent, key);
        return v == NO_VALUE || v == FAILED ? Optional.empty() : Optional.ofNullable(v);
    }

    /** Whether the named condition holds. */
    boolean condition(String name, Object parent, Object key) {
        Boolean known = conditionValues.get(name);
        if (known != null) {
            return known;
        }
        Object definition = conditions.get(name);
        if (definition == null || !evaluatingConditions.add(name)) {
            error(
                    definition == null
                            ? ModelException.UNKNOWN_REFERENCE
                            : ModelException.BAD_INTRINSIC,
                    parent,
                    key,
                    definition == null
                            ? "unknown condition '" + name + "'"
                            : "condition '" + name + "' refers to itself");
            return false;
        }
        try {
            boolean value = truth(definition, conditions, name);
            conditionValues.put(name, value);
            return value;
        } finally {
            evaluatingConditions.remove(name);
        }
    }

    private Object eval(Object node, Object parent, Object key) {
        if (node instanceof Map<?, ?> map) {
            if (map.size() == 1) {
                String fn = String.valueOf(map.keySet().iterator().next());
                if (fn.equals("Ref") || fn.startsWith("Fn::")) {
                    return function(fn, map.get(fn), map);
                }
            }
            Map<String, Object> copy = new LinkedHashMap<>();
            origins.derived(copy, map);
            for (Map.Entry<?, ?> e : map.entrySet()) {
                String k = String.valueOf(e.getKey());
                Object v = eval(e.getValue(), map, k);
                if (v != NO_VALUE) {
                    copy.put(k, v == FAILED ? e.getValue() : v);
                }
            }
            return copy;
        }
        if (node instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            origins.derived(copy, list);
            for (int i = 0; i < list.size(); i++) {
                Object v = eval(list.get(i), list, i);
                if (v != NO_VALUE) {
                    copy.add(v == FAILED ? list.get(i) : v);
                }
            }
            return copy;
        }
        return node;
    }

    private Object function(String fn, Object arg, Map<?, ?> at) {
        switch (fn) {
            case "Ref":
                return ref(String.valueOf(arg), at, fn);
            case "Fn::GetAtt":
                return getAtt(arg, at);
            case "Fn::Sub":
                return sub(arg, at);
            case "Fn::Join":
                return join(arg, at);
            case "Fn::Select":
                return select(arg, at);
            case "Fn::Split":
                return split(arg, at);
            case "Fn::GetAZs":
                return List.of(
                        references.ref("AWS::Region").orElse("") + "a",
                        references.ref("AWS::Region").orElse("") + "b",
                        references.ref("AWS::Region").orElse("") + "c");
            case "Fn::If":
                return ifThen(arg, at);
            case "Fn::FindInMap":
                return findInMap(arg, at);
            case "Fn::Base64":
                Object text = eval(arg, at, fn);
                return text instanceof String s
                        ? Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8))
                        : bad(at, fn, "Fn::Base64 needs a string");
            default:
                return error(
                        ModelException.UNSUPPORTED_INTRINSIC,
                        at,
                        fn,
                        fn + " cannot be evaluated by the local engine");
        }
    }

    private Object ref(String logicalId, Object parent, Object key) {
        if (logicalId.equals("AWS::NoValue")) {
            return NO_VALUE;
        }
        Optional<Object> v = references.ref(logicalId);
        if (v.isEmpty()) {
            return error(
                    ModelException.UNKNOWN_REFERENCE,
                    parent,
                    key,
                    "Ref to '" + logicalId + "': no resource, function or parameter has that name");
        }
        return v.get();
    }

    private Object getAtt(Object arg, Map<?, ?> at) {
        Object args = eval(arg, at, "Fn::GetAtt");
        List<?> parts;
        if (args instanceof String s && s.contains(".")) {
            parts = List.of(s.substring(0, s.indexOf('.')), s.substring(s.indexOf('.') + 1));
        } else if (args instanceof List<?> l && l.size() == 2) {
            parts = l;
        } else {
            return bad(at, "Fn::GetAtt", "Fn::GetAtt needs [LogicalId, Attribute]");
        }
        String id = String.valueOf(parts.get(0));
        String attribute = String.valueOf(parts.get(1));
        Optional<Object> v = references.getAtt(id, attribute);
        if (v.isEmpty()) {
            return error(
                    ModelException.UNKNOWN_REFERENCE,
                    at,
                    "Fn::GetAtt",
                    "Fn::GetAtt of '"
                            + id
                            + "."
                            + attribute
                            + "': no resource or function has the logical id '"
                            + id
                            + "'");
        }
        return v.get();
    }

    private Object sub(Object arg, Map<?, ?> at) {
        String template;
        Map<?, ?> variables = Map.of();
        if (arg instanceof String s) {
            template = s;
        } else if (arg instanceof List<?> l
                && l.size() == 2
                && l.get(0) instanceof String s
                && l.get(1) instanceof Map<?, ?> vars) {
            template = s;
            variables = vars;
        } else {
            return bad(at, "Fn::Sub", "Fn::Sub needs a string or [string, {variables}]");
        }
        StringBuilder b = new StringBuilder();
        int from = 0;
        while (true) {
            int start = template.indexOf("${", from);
            int end = start < 0 ? -1 : template.indexOf('}', start);
            if (end < 0) {
                b.append(template, from, template.length());
                return b.toString();
            }
            b.append(template, from, start);
            String name = template.substring(start + 2, end);
            from = end + 1;
            if (name.startsWith("!")) {
                b.append("${").append(name, 1, name.length()).append('}');
                continue;
            }
            Object v;
            if (variables.containsKey(name)) {
                v = eval(variables.get(name), variables, name);
            } else if (name.contains(".") && !name.startsWith("AWS::")) {
                v = getAtt(name, at);
            } else {
                v = ref(name, at, "Fn::Sub");
            }
            if (v == FAILED) {
                return FAILED;
            }
            if (!(v instanceof String || v instanceof Number || v instanceof Boolean)) {
                return bad(at, "Fn::Sub", "'${" + name + "}' in Fn::Sub is not a string");
            }
            b.append(v);
        }
    }

    private Object join(Object arg, Map<?, ?> at) {
        Object args = eval(arg, at, "Fn::Join");
        if (!(args instanceof List<?> l && l.size() == 2 && l.get(1) instanceof List<?> items)) {
            return args == FAILED
                    ? FAILED
                    : bad(at, "Fn::Join", "Fn::Join needs [delimiter, [values]]");
        }
        List<String> texts = new ArrayList<>();
        for (Object item : items) {
            if (item instanceof Map || item instanceof List || item == null) {
                return bad(at, "Fn::Join", "Fn::Join can only join strings");
            }
            texts.add(String.valueOf(item));
        }
        return String.join(String.valueOf(l.get(0)), texts);
    }

    private Object select(Object arg, Map<?, ?> at) {
        Object args = eval(arg, at, "Fn::Select");
        if (args instanceof List<?> l && l.size() == 2 && l.get(1) instanceof List<?> items) {
            try {
                int index = Integer.parseInt(String.valueOf(l.get(0)));
                if (index >= 0 && index < items.size()) {
                    return items.get(index);
                }
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        return args == FAILED
                ? FAILED
                : bad(at, "Fn::Select", "Fn::Select needs [index, [values]] with a valid index");
    }

    private Object split(Object arg, Map<?, ?> at) {
        Object args = eval(arg, at, "Fn::Split");
        if (args instanceof List<?> l && l.size() == 2 && l.get(1) instanceof String s) {
            return List.of(s.split(java.util.regex.Pattern.quote(String.valueOf(l.get(0))), -1));
        }
        return args == FAILED ? FAILED : bad(at, "Fn::Split", "Fn::Split needs [delimiter, text]");
    }

    private Object ifThen(Object arg, Map<?, ?> at) {
        if (!(arg instanceof List<?> l && l.size() == 3)) {
            return bad(at, "Fn::If", "Fn::If needs [condition, value if true, value if false]");
        }
        boolean holds = condition(String.valueOf(l.get(0)), at, "Fn::If");
        return eval(l.get(holds ? 1 : 2), l, holds ? 1 : 2);
    }

    private Object findInMap(Object arg, Map<?, ?> at) {
        Object args = eval(arg, at, "Fn::FindInMap");
        if (args instanceof List<?> l && l.size() == 3) {
            Object top = mappings.get(String.valueOf(l.get(0)));
            Object second = top instanceof Map<?, ?> m ? m.get(String.valueOf(l.get(1))) : null;
            Object value = second instanceof Map<?, ?> m ? m.get(String.valueOf(l.get(2))) : null;
            if (value != null) {
                return eval(value, second, String.valueOf(l.get(2)));
            }
            return error(
                    ModelException.UNKNOWN_REFERENCE,
                    at,
                    "Fn::FindInMap",
                    "Fn::FindInMap: no value at " + l + " in the template's Mappings");
        }
        return args == FAILED
                ? FAILED
                : bad(at, "Fn::FindInMap", "Fn::FindInMap needs [map, key, key]");
    }

    private boolean truth(Object node, Object parent, Object key) {
        if (node instanceof Map<?, ?> m && m.size() == 1) {
            String fn = String.valueOf(m.keySet().iterator().next());
            Object arg = m.get(fn);
            List<?> args = arg instanceof List<?> l ? l : List.of();
            switch (fn) {
                case "Condition":
                    return condition(String.valueOf(arg), m, fn);
                case "Fn::Not":
                    return args.size() == 1 && !truth(args.get(0), args, 0);
                case "Fn::And":
                    return args.stream().allMatch(a -> truth(a, args, args.indexOf(a)));
                case "Fn::Or":
                    return args.stream().anyMatch(a -> truth(a, args, args.indexOf(a)));
                case "Fn::Equals":
                    if (args.size() == 2) {
                        Object a = eval(args.get(0), args, 0);
                        Object b = eval(args.get(1), args, 1);
                        return String.valueOf(a).equals(String.valueOf(b));
                    }
                    break;
                default:
                    break;
            }
        }
        if (node instanceof Boolean b) {
            return b;
        }
        error(
                ModelException.BAD_INTRINSIC,
                parent,
                key,
                "not a condition: use Fn::Equals, Fn::And, Fn::Or, Fn::Not or Condition");
        return false;
    }

    private Object bad(Object parent, Object key, String message) {
        return error(ModelException.BAD_INTRINSIC, parent, key, message);
    }

    private Object error(String code, Object parent, Object key, String message) {
        errors.add(Diagnostic.error(code, origins.child(parent, key).orElse(null), message));
        return FAILED;
    }
}
