package cirrus.plan.template;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the references from a property tree to other resources of the same template: {@code Ref},
 * {@code Fn::GetAtt}, {@code ${X}}/{@code ${X.Attr}} inside {@code Fn::Sub} (also inside a {@code
 * DefinitionString}), and the {@code #{X}} form that serverless-step-functions turns into a {@code
 * Ref} inside state machine definitions. Only names of resources in {@code resourceIds} count;
 * pseudo parameters, {@code Fn::Sub} variables and parameters do not.
 */
public final class References {
    private static final Pattern SUB =
            Pattern.compile("\\$\\{([A-Za-z0-9]+)(?:\\.([A-Za-z0-9.]+))?}");
    private static final Pattern HASH =
            Pattern.compile("#\\{([A-Za-z0-9]+)(?:\\.([A-Za-z0-9.]+))?}");

    private final Set<String> resourceIds;
    private final List<Reference> found = new ArrayList<>();

    private References(Set<String> resourceIds) {
        this.resourceIds = resourceIds;
    }

    /** The references in {@code tree}, with paths below {@code basePath}. */
    public static List<Reference> in(Object tree, String basePath, Set<String> resourceIds) {
        References refs = new References(resourceIds);
        refs.walk(tree, basePath);
        return refs.found;
    }

    private void walk(Object value, String path) {
        if (value instanceof Map<?, ?> map) {
            String fn = Intrinsic.name(value).orElse("");
            Object arg = fn.isEmpty() ? null : Intrinsic.argument(value);
            if (fn.equals("Ref") && arg instanceof String s) {
                add(s, Reference.REF, path);
                return;
            }
            if (fn.equals("Fn::GetAtt")) {
                getAtt(arg, path);
                return;
            }
            if (fn.equals("Fn::Sub")) {
                sub(arg, path);
                return;
            }
            for (Map.Entry<?, ?> e : map.entrySet()) {
                walk(e.getValue(), join(path, String.valueOf(e.getKey())));
            }
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                walk(list.get(i), path + "[" + i + "]");
            }
        } else if (value instanceof String s && s.contains("#{")) {
            scan(HASH, s, Set.of(), path);
        }
    }

    private void getAtt(Object arg, String path) {
        if (arg instanceof List<?> list && list.size() >= 2 && list.get(0) instanceof String t) {
            add(t, String.valueOf(list.get(1)), path);
        } else if (arg instanceof String s) {
            int dot = s.indexOf('.');
            if (dot > 0) {
                add(s.substring(0, dot), s.substring(dot + 1), path);
            }
        } else {
            walk(arg, path);
        }
    }

    private void sub(Object arg, String path) {
        if (arg instanceof String s) {
            scan(SUB, s, Set.of(), path);
        } else if (arg instanceof List<?> list && !list.isEmpty()) {
            Set<String> variables = new HashSet<>();
            if (list.size() > 1 && list.get(1) instanceof Map<?, ?> vars) {
                vars.keySet().forEach(k -> variables.add(String.valueOf(k)));
                walk(vars, path);
            }
            if (list.get(0) instanceof String s) {
                scan(SUB, s, variables, path);
            } else {
                walk(list.get(0), path);
            }
        }
    }

    private void scan(Pattern pattern, String text, Set<String> variables, String path) {
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            String name = m.group(1);
            if (!variables.contains(name)) {
                add(name, m.group(2) == null ? Reference.REF : m.group(2), path);
            }
        }
    }

    private void add(String target, String attribute, String path) {
        if (resourceIds.contains(target)) {
            found.add(new Reference(target, attribute, path));
        }
    }

    static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }
}
