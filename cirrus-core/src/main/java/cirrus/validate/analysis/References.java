package cirrus.validate.analysis;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cirrus.project.CloudFormationSection;
import cirrus.validate.DeployedFunction;
import cirrus.validate.DeployedObject;
import cirrus.validate.DeployedStateMachine;
import cirrus.validate.ProjectView;
import cirrus.validate.source.Node;

/**
 * Every reference to a logical id in what the build deploys, found in the YAML as written: {@code
 * cirrus.yml} (the {@code custom} settings only where a {@code ${self:custom…}} uses them), the
 * {@code environment} and {@code lambda} blocks of deployed functions, deployed state machines and
 * the deployed CloudFormation objects. Intrinsic functions are read in their long form (the loader
 * turned {@code !Ref X} into {@code {Ref: X}}).
 */
public final class References {
    private static final Pattern PLACEHOLDER = Pattern.compile("#\\{([^}]+)}");
    private static final Pattern SELF_CUSTOM =
            Pattern.compile("\\$\\{self:(custom(?:\\.[^},\\s]+)+)");
    private static final Set<String> REPLACED_KEYS =
            Set.of("functions", "stepFunctions", "resources", "package", "custom");

    private final List<Reference> all = new ArrayList<>();
    private final Set<String> customPaths = new HashSet<>();

    private References() {}

    /** The references of {@code view} (shared through {@link ProjectView#analysis}). */
    public static References of(ProjectView view) {
        return view.analysis(References.class, References::collect);
    }

    /** The references of one kind. */
    public List<Reference> of(Reference.Kind kind) {
        return all.stream().filter(r -> r.kind() == kind).toList();
    }

    private static References collect(ProjectView view) {
        References refs = new References();
        view.config()
                .ifPresent(
                        config -> {
                            for (Node top : config.entries()) {
                                if (!REPLACED_KEYS.contains(top.name().orElse(""))) {
                                    refs.walk(top, false);
                                }
                            }
                        });
        for (DeployedFunction f : view.functions()) {
            f.definition().get("environment").ifPresent(n -> refs.walk(n, false));
            f.lambda()
                    .ifPresent(
                            lambda -> {
                                for (Node n : lambda.entries()) {
                                    String key = n.name().orElse("");
                                    if (!key.equals("pythonRequirements")
                                            && !key.equals("package")) {
                                        refs.walk(n, false);
                                    }
                                }
                            });
        }
        for (DeployedStateMachine m : view.stateMachines()) {
            for (Node n : m.node().entries()) {
                String key = n.name().orElse("");
                if (key.equals("definition")) {
                    refs.walk(n, true);
                } else if (key.equals("dependsOn")) {
                    for (Node target : n.itemsOrSelf()) {
                        target.string()
                                .ifPresent(
                                        t -> refs.add(Reference.Kind.DEPENDS_ON, t, target, false));
                    }
                } else if (!key.equals("enabled")) {
                    refs.walk(n, false);
                }
            }
        }
        for (DeployedObject o : view.cloudFormation()) {
            refs.object(o);
        }
        view.config().ifPresent(config -> refs.customPaths(config));
        return refs;
    }

    private void object(DeployedObject o) {
        Node node = o.node();
        if (o.section() == CloudFormationSection.RESOURCES
                || o.section() == CloudFormationSection.OUTPUTS) {
            for (Node attribute : node.entries()) {
                String key = attribute.name().orElse("");
                switch (key) {
                    case "DependsOn" -> {
                        for (Node target : attribute.itemsOrSelf()) {
                            target.string()
                                    .ifPresent(
                                            t -> add(Reference.Kind.DEPENDS_ON, t, target, false));
                        }
                    }
                    case "Condition" ->
                            attribute
                                    .string()
                                    .ifPresent(
                                            c ->
                                                    add(
                                                            Reference.Kind.CONDITION,
                                                            c,
                                                            attribute,
                                                            false));
                    case "Type" -> {}
                    default -> walk(attribute, false);
                }
            }
        } else if (o.section() == CloudFormationSection.CONDITIONS) {
            walk(node, false);
        }
    }

    /** Walks the {@code custom} settings that some {@code ${self:custom…}} reads. */
    private void customPaths(Node config) {
        Set<String> done = new HashSet<>();
        List<String> pending = new ArrayList<>(customPaths);
        while (!pending.isEmpty()) {
            String path = pending.remove(pending.size() - 1);
            if (!done.add(path)) {
                continue;
            }
            int before = customPaths.size();
            config.at(List.of(path.split("\\."))).ifPresent(n -> walk(n, false));
            if (customPaths.size() > before) {
                pending.addAll(customPaths);
            }
        }
    }

    private void add(Reference.Kind kind, String target, Node node, boolean inDefinition) {
        all.add(new Reference(kind, target, node, inDefinition));
    }

    private void walk(Node node, boolean inDefinition) {
        Object v = node.value();
        if (v instanceof String s) {
            string(s, node, inDefinition);
        } else if (v instanceof List<?>) {
            for (Node item : node.items()) {
                walk(item, inDefinition);
            }
        } else if (v instanceof Map<?, ?> m) {
            if (m.size() == 1
                    && intrinsic(
                            node, String.valueOf(m.keySet().iterator().next()), inDefinition)) {
                return;
            }
            for (Node child : node.entries()) {
                walk(child, inDefinition);
            }
        }
    }

    /** Handles a one-key mapping that is an intrinsic function; false if it is not one. */
    private boolean intrinsic(Node node, String function, boolean inDefinition) {
        Node arg = node.get(function).orElseThrow();
        switch (function) {
            case "Ref" -> {
                if (arg.value() instanceof String target) {
                    add(Reference.Kind.REF, target, arg, inDefinition);
                } else {
                    walk(arg, inDefinition);
                }
                return true;
            }
            case "Fn::GetAtt" -> {
                String target = null;
                if (arg.value() instanceof String s) {
                    target = s.contains(".") ? s.substring(0, s.indexOf('.')) : s;
                } else if (arg.value() instanceof List<?> l
                        && !l.isEmpty()
                        && l.get(0) instanceof String s) {
                    target = s;
                }
                if (target != null) {
                    add(Reference.Kind.GET_ATT, target, arg.item(0).orElse(arg), inDefinition);
                }
                return true;
            }
            case "Fn::Sub" -> {
                sub(arg, inDefinition);
                return true;
            }
            case "Fn::If" -> {
                List<Node> items = arg.items();
                if (!items.isEmpty()) {
                    items.get(0)
                            .string()
                            .ifPresent(
                                    c ->
                                            add(
                                                    Reference.Kind.CONDITION,
                                                    c,
                                                    items.get(0),
                                                    inDefinition));
                    items.subList(1, items.size()).forEach(i -> walk(i, inDefinition));
                }
                return true;
            }
            case "Condition" -> {
                if (arg.value() instanceof String c) {
                    add(Reference.Kind.CONDITION, c, arg, inDefinition);
                    return true;
                }
                return false;
            }
            default -> {
                return false; // Fn::Join, Fn::Select, …: their arguments are walked as values
            }
        }
    }

    private void sub(Node arg, boolean inDefinition) {
        Node template = arg;
        Set<String> local = new HashSet<>();
        if (arg.value() instanceof List<?>) {
            template = arg.item(0).orElse(null);
            arg.item(1)
                    .ifPresent(
                            vars -> {
                                for (Node var : vars.entries()) {
                                    local.add(var.name().orElse(""));
                                    walk(var, inDefinition);
                                }
                            });
        }
        if (template == null || !(template.value() instanceof String text)) {
            if (template != null) {
                walk(template, inDefinition);
            }
            return;
        }
        for (String variable : SubTemplate.variables(text)) {
            String name =
                    variable.contains(".")
                            ? variable.substring(0, variable.indexOf('.'))
                            : variable;
            if (!local.contains(variable) && !local.contains(name)) {
                add(
                        Reference.Kind.SUB,
                        variable.startsWith("AWS::") ? variable : name,
                        template,
                        inDefinition);
            }
        }
        string(text, template, inDefinition);
    }

    private void string(String s, Node node, boolean inDefinition) {
        if (s.indexOf("#{") >= 0) {
            Matcher m = PLACEHOLDER.matcher(s);
            while (m.find()) {
                add(Reference.Kind.PLACEHOLDER, m.group(1).trim(), node, inDefinition);
            }
        }
        if (s.indexOf("${self:custom") >= 0) {
            Matcher m = SELF_CUSTOM.matcher(s);
            while (m.find()) {
                customPaths.add(m.group(1));
            }
        }
    }
}
