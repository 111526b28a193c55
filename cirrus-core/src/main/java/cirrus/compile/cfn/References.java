package cirrus.compile.cfn;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every {@code Ref}, {@code Fn::GetAtt}, {@code ${X}} of an {@code Fn::Sub} and {@code DependsOn}
 * of the template must name a resource or parameter of it (or a pseudo-parameter), and every
 * condition used must exist: CloudFormation rejects the whole template otherwise, and some
 * emulators fail with a bare server error. Reported with the path of the reference.
 */
final class References {
    private final Set<String> referable;
    private final Set<String> resources;
    private final Set<String> conditions;
    private final Findings findings;

    private References(TemplateSections template, Findings findings) {
        this.referable = template.referable();
        this.resources = new HashSet<>(template.ids("Resources"));
        this.conditions = new HashSet<>(template.ids("Conditions"));
        this.findings = findings;
    }

    static void check(TemplateSections template, Findings findings) {
        References r = new References(template, findings);
        for (String section : List.of("Resources", "Outputs", "Conditions")) {
            template.section(section)
                    .forEach((id, value) -> r.walk(value, section + "." + id, Set.of()));
        }
        template.section("Resources")
                .forEach((id, value) -> r.dependsOn(Tree.map(value), "Resources." + id));
    }

    private void walk(Object node, String where, Set<String> local) {
        if (node instanceof Map<?, ?> m) {
            if (m.size() == 1) {
                String key = String.valueOf(m.keySet().iterator().next());
                Object arg = m.values().iterator().next();
                switch (key) {
                    case Intrinsic.REF -> {
                        if (arg instanceof String id) {
                            target(id, where, local, "Ref");
                        }
                    }
                    case Intrinsic.GET_ATT ->
                            Intrinsic.getAttTarget(m).ifPresent(t -> resource(t.get(0), where));
                    case Intrinsic.SUB -> {
                        sub(arg, where, local);
                        return;
                    }
                    case "Condition" -> condition(arg, where);
                    case "Fn::If" -> {
                        if (arg instanceof List<?> l && !l.isEmpty()) {
                            condition(l.get(0), where);
                        }
                    }
                    default -> {}
                }
            }
            m.forEach((k, v) -> walk(v, where + "." + k, local));
        } else if (node instanceof List<?> l) {
            for (int i = 0; i < l.size(); i++) {
                walk(l.get(i), where + "[" + i + "]", local);
            }
        }
    }

    private void sub(Object arg, String where, Set<String> outer) {
        if (arg instanceof String text) {
            SubTemplate.variables(text).forEach(v -> target(v, where, outer, "Fn::Sub"));
        } else if (arg instanceof List<?> l && !l.isEmpty() && l.get(0) instanceof String text) {
            Map<String, Object> variables = l.size() > 1 ? Tree.map(l.get(1)) : Map.of();
            Set<String> local = new HashSet<>(outer);
            local.addAll(variables.keySet());
            SubTemplate.variables(text).forEach(v -> target(v, where, local, "Fn::Sub"));
            variables.forEach((k, v) -> walk(v, where + "." + k, outer));
        }
    }

    private void target(String id, String where, Set<String> local, String how) {
        if (!id.startsWith("AWS::") && !referable.contains(id) && !local.contains(id)) {
            findings.error(
                    CfnCode.UNKNOWN_REFERENCE,
                    where,
                    how
                            + " of '"
                            + id
                            + "', which is neither a resource nor a parameter of the template");
        }
    }

    private void resource(String id, String where) {
        if (!resources.contains(id)) {
            findings.error(
                    CfnCode.UNKNOWN_REFERENCE,
                    where,
                    "Fn::GetAtt of '" + id + "', which is not a resource of the template");
        }
    }

    private void condition(Object name, String where) {
        if (name instanceof String c && !conditions.contains(c)) {
            findings.error(
                    CfnCode.UNKNOWN_REFERENCE,
                    where,
                    "condition '" + c + "' is not declared under Conditions");
        }
    }

    private void dependsOn(Map<String, Object> resource, String where) {
        Object d = resource.get("DependsOn");
        for (Object id : d instanceof String s ? List.of(s) : Tree.list(d)) {
            if (!(id instanceof String s) || !resources.contains(s)) {
                findings.error(
                        CfnCode.UNKNOWN_REFERENCE,
                        where + ".DependsOn",
                        "'" + id + "' is not a resource of the template");
            }
        }
        if (resource.get("Condition") != null) {
            condition(resource.get("Condition"), where + ".Condition");
        }
    }
}
