package cirrus.states.path;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cirrus.states.ErrorNames;
import cirrus.states.StatesFailure;
import cirrus.states.json.Json;

/**
 * A compiled Payload Template ({@code Parameters}, {@code ResultSelector}, {@code ItemSelector}):
 * fields whose names end in {@code .$} take the value of a path or intrinsic function, at any depth
 * (inside arrays too); everything else is copied. Parts without such fields are shared, not copied.
 *
 * @see <a href="https://states-language.net/spec.html#payload-template">Payload Template</a>
 */
public final class PayloadTemplate {
    private final Node root;
    private final JsonNode source;

    private PayloadTemplate(Node root, JsonNode source) {
        this.root = root;
        this.source = source;
    }

    /**
     * Compiles a template, checking every path and intrinsic function.
     *
     * @throws TemplateException at the first bad field, with its location inside the template
     */
    public static PayloadTemplate compile(JsonNode template) throws TemplateException {
        return new PayloadTemplate(compile(template, new ArrayList<>()), template);
    }

    /** The template as written. */
    public JsonNode source() {
        return source;
    }

    /**
     * Builds the payload.
     *
     * @throws StatesFailure {@code States.Runtime} when a path (also a path argument of an
     *     intrinsic function) selects nothing, {@code States.IntrinsicFailure} when a function
     *     fails
     */
    public JsonNode apply(EvalContext context) {
        return root.eval(context);
    }

    /** A template field that does not compile. */
    public static final class TemplateException extends Exception {
        private final List<Object> location;

        TemplateException(String message, List<Object> location) {
            super(message);
            this.location = List.copyOf(location);
        }

        /** Field names and array indexes from the template's root to the bad field. */
        public List<Object> location() {
            return location;
        }
    }

    private static Node compile(JsonNode node, List<Object> at) throws TemplateException {
        if (node.isObject()) {
            List<Entry> entries = new ArrayList<>();
            Set<String> names = new HashSet<>();
            boolean dynamic = false;
            Iterator<Map.Entry<String, JsonNode>> fields = node.properties().iterator();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                String key = field.getKey();
                at.add(key);
                Node value;
                String name = key;
                if (key.endsWith(".$")) {
                    name = key.substring(0, key.length() - 2);
                    value = dynamicValue(key, field.getValue(), at);
                    dynamic = true;
                } else {
                    value = compile(field.getValue(), at);
                    dynamic |= !(value instanceof Const);
                }
                if (!names.add(name)) {
                    throw new TemplateException(
                            "the field '" + name + "' appears twice once '.$' is stripped", at);
                }
                at.remove(at.size() - 1);
                entries.add(new Entry(name, value));
            }
            return dynamic ? new Obj(entries) : new Const(node);
        }
        if (node.isArray()) {
            List<Node> elements = new ArrayList<>();
            boolean dynamic = false;
            for (int i = 0; i < node.size(); i++) {
                at.add(i);
                Node element = compile(node.get(i), at);
                at.remove(at.size() - 1);
                elements.add(element);
                dynamic |= !(element instanceof Const);
            }
            return dynamic ? new Arr(elements) : new Const(node);
        }
        return new Const(node);
    }

    private static Node dynamicValue(String key, JsonNode value, List<Object> at)
            throws TemplateException {
        if (!value.isTextual()) {
            throw new TemplateException(
                    "the value of '" + key + "' must be a string (a path or an intrinsic function)",
                    at);
        }
        String text = value.textValue();
        try {
            if (text.startsWith("$")) {
                return new PathValue(key, Path.parse(text));
            }
            return new Call(key, IntrinsicCall.parse(text));
        } catch (PathSyntaxException e) {
            throw new TemplateException(e.getMessage(), at);
        }
    }

    private sealed interface Node {
        JsonNode eval(EvalContext context);
    }

    private record Const(JsonNode value) implements Node {
        @Override
        public JsonNode eval(EvalContext context) {
            return value;
        }
    }

    private record Entry(String name, Node value) {}

    private record Obj(List<Entry> entries) implements Node {
        @Override
        public JsonNode eval(EvalContext context) {
            ObjectNode out = Json.object();
            for (Entry entry : entries) {
                out.set(entry.name(), entry.value().eval(context));
            }
            return out;
        }
    }

    private record Arr(List<Node> elements) implements Node {
        @Override
        public JsonNode eval(EvalContext context) {
            ArrayNode out = Json.NODES.arrayNode(elements.size());
            for (Node element : elements) {
                out.add(element.eval(context));
            }
            return out;
        }
    }

    private record PathValue(String key, Path path) implements Node {
        @Override
        public JsonNode eval(EvalContext context) {
            JsonNode value = path.find(context.input(), context.context());
            if (value == null) {
                // AWS: States.Runtime (not States.ParameterPathFailure), which nothing catches.
                boolean ofContext = path.root() == Path.Root.CONTEXT;
                throw new StatesFailure(
                        ErrorNames.RUNTIME,
                        "The JSONPath '"
                                + path.text()
                                + "' specified for the field '"
                                + key
                                + "' could not be found in the "
                                + (ofContext ? "context object '" : "input '")
                                + Json.abbreviate(
                                        ofContext ? context.context().get() : context.input(), 200)
                                + "'");
            }
            return value;
        }
    }

    private record Call(String key, IntrinsicCall call) implements Node {
        @Override
        public JsonNode eval(EvalContext context) {
            return IntrinsicFunctions.evaluate(call, context);
        }
    }
}
