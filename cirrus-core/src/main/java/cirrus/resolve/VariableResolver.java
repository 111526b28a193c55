package cirrus.resolve;

import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import cirrus.diag.Diagnostic;
import cirrus.resolve.VariableExpression.Candidate;
import cirrus.resolve.VariableExpression.Literal;
import cirrus.resolve.VariableExpression.Nested;
import cirrus.resolve.VariableExpression.Reference;
import cirrus.yaml.SourceMap;
import cirrus.yaml.YamlDocument;

/**
 * Resolves the serverless variables of a configuration tree the way the Serverless Framework does
 * before deploying: {@code ${self:a.b}} (any part of the configuration, itself resolved), {@code
 * ${opt:stage, 'dev'}}, {@code ${env:X}}, {@code ${sls:stage}}, {@code ${aws:region}}, with
 * fallbacks after commas, several variables per string and variables nested in addresses. A string
 * that is exactly one variable takes the referenced value's type (a list, a number, a map such as
 * {@code {Ref: Data}}); variables inside longer strings are replaced by their text. CloudFormation
 * placeholders ({@code ${AWS::Region}}, {@code ${Bucket}}) are not variables and stay as written.
 *
 * <p>Every unresolvable variable becomes a diagnostic located where it is written; the input tree
 * is never modified.
 */
public final class VariableResolver {
    private static final int MAX_DEPTH = 64;
    private static final Object FAILED = new Object();

    private final Object root;
    private final VariableSources sources;
    private final Origins origins;
    private final Set<Diagnostic> errors = new LinkedHashSet<>();
    private final Deque<String> resolving = new ArrayDeque<>();

    private VariableResolver(Object root, SourceMap locations, VariableSources sources) {
        this.root = root;
        this.sources = sources;
        this.origins = new Origins(locations);
    }

    /** Resolves the variables of a loaded file; errors carry {@code file:line:col}. */
    public static ResolvedTree resolve(YamlDocument document, VariableSources sources) {
        return resolve(document.root(), document.locations(), sources);
    }

    /**
     * Resolves the variables of {@code root}.
     *
     * @param root the configuration (maps, lists, scalars)
     * @param locations where the tree's parts are written, or {@code null}
     * @param sources options, environment and account values
     */
    public static ResolvedTree resolve(Object root, SourceMap locations, VariableSources sources) {
        VariableResolver r = new VariableResolver(root, locations, sources);
        Object resolved = r.node(root, null, null);
        return new ResolvedTree(resolved, r.origins, new ArrayList<>(r.errors));
    }

    /** A copy of {@code node} with its variables resolved; {@code parent[key]} is where it is. */
    private Object node(Object node, Object parent, Object key) {
        if (node instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            origins.derived(copy, map);
            for (Map.Entry<?, ?> e : map.entrySet()) {
                String k = String.valueOf(e.getKey());
                copy.put(k, node(e.getValue(), map, k));
            }
            return copy;
        }
        if (node instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            origins.derived(copy, list);
            for (int i = 0; i < list.size(); i++) {
                copy.add(node(list.get(i), list, i));
            }
            return copy;
        }
        if (node instanceof String s) {
            Object v = string(s, parent, key);
            return v == FAILED ? s : v;
        }
        return node;
    }

    /** Resolves the variables of one string; {@link #FAILED} when one of them failed. */
    private Object string(String text, Object parent, Object key) {
        List<VariableToken> tokens;
        try {
            tokens = VariableToken.scan(text);
        } catch (MalformedVariableException e) {
            return fail(VariableException.MALFORMED, parent, key, e.getMessage());
        }
        if (tokens.isEmpty()) {
            return text;
        }
        VariableToken only = tokens.get(0);
        if (tokens.size() == 1 && only.start() == 0 && only.end() == text.length()) {
            return variable(only, text, parent, key);
        }
        StringBuilder b = new StringBuilder();
        int at = 0;
        boolean failed = false;
        for (VariableToken t : tokens) {
            b.append(text, at, t.start());
            at = t.end();
            Object v = variable(t, text, parent, key);
            if (v == FAILED) {
                failed = true;
            } else if (v instanceof String || v instanceof Number || v instanceof Boolean) {
                b.append(scalarText(v));
            } else {
                String what = v == null ? "null" : v instanceof List ? "a list" : "a map";
                fail(
                        VariableException.NOT_A_STRING,
                        parent,
                        key,
                        "'"
                                + text.substring(t.start(), t.end())
                                + "' is "
                                + what
                                + " and cannot be part of the string '"
                                + text
                                + "': use it as the whole value");
                failed = true;
            }
        }
        b.append(text, at, text.length());
        return failed ? FAILED : b.toString();
    }

    private Object variable(VariableToken token, String text, Object parent, Object key) {
        Object v = evaluate(token.body(), parent, key);
        if (!(v instanceof Missing missing)) {
            return v;
        }
        String written = "${" + token.body() + "}";
        String hint =
                token.body().contains(",")
                        ? ""
                        : "; add a default, e.g. ${" + token.body() + ", 'value'}";
        return fail(
                missing.code(),
                parent,
                key,
                "cannot resolve '" + written + "': " + missing.reason() + hint);
    }

    /** The value of a variable body; {@link Missing} when no candidate has one. */
    private Object evaluate(String body, Object parent, Object key) {
        VariableExpression expression;
        try {
            expression = VariableExpression.parse(body);
        } catch (MalformedVariableException e) {
            return fail(VariableException.MALFORMED, parent, key, e.getMessage());
        }
        Missing first = null;
        for (Candidate c : expression.candidates()) {
            Object v = candidate(c, parent, key);
            if (!(v instanceof Missing missing)) {
                return v;
            }
            if (first == null) {
                first = missing;
            }
        }
        return first;
    }

    private Object candidate(Candidate c, Object parent, Object key) {
        if (c instanceof Literal l) {
            return l.value();
        }
        if (c instanceof Nested n) {
            return evaluate(n.text().substring(2, n.text().length() - 1), parent, key);
        }
        Reference ref = (Reference) c;
        Object address = string(ref.address(), parent, key);
        if (address == FAILED) {
            return FAILED;
        }
        if (!(address instanceof String a)) {
            return fail(
                    VariableException.NOT_A_STRING,
                    parent,
                    key,
                    "the address of '${" + ref.source() + ":" + ref.address() + "}' is not text");
        }
        String addr = a.trim();
        switch (ref.source()) {
            case "self":
                return self(addr, parent, key);
            case "opt":
                return found(sources.option(addr), "no --" + addr + " option was given");
            case "env":
                return found(
                        Optional.ofNullable(sources.environment().get(addr)),
                        "environment variable " + addr + " is not set");
            case "aws":
                return found(
                        Optional.ofNullable(sources.aws().get(addr)),
                        "no value for aws:" + addr + " is known here");
            case "sls":
                return sls(addr, parent, key);
            default:
                return new Missing(
                        VariableException.UNSUPPORTED_SOURCE,
                        "variable source '"
                                + ref.source()
                                + "' cannot be read here (supported: self, opt, env, sls, aws)");
        }
    }

    private static Object found(Optional<String> value, String reason) {
        return value.<Object>map(v -> v)
                .orElseGet(() -> new Missing(VariableException.UNRESOLVED, reason));
    }

    private Object sls(String address, Object parent, Object key) {
        if (!address.equals("stage")) {
            return new Missing(
                    VariableException.UNSUPPORTED_SOURCE, "only sls:stage is known here");
        }
        Optional<String> opt = sources.option("stage");
        if (opt.isPresent()) {
            return opt.get();
        }
        Object stage = self("provider.stage", parent, key);
        return stage instanceof Missing ? "dev" : stage;
    }

    /** The resolved value at {@code address} in the configuration. */
    private Object self(String address, Object parent, Object key) {
        String name = "self:" + address;
        if (resolving.contains(name) || resolving.size() > MAX_DEPTH) {
            List<String> chain = new ArrayList<>(resolving);
            java.util.Collections.reverse(chain);
            chain.add(name);
            return fail(
                    VariableException.CIRCULAR,
                    parent,
                    key,
                    "circular reference: ${" + String.join("} -> ${", chain) + "}");
        }
        resolving.push(name);
        try {
            Object current = root;
            Object currentParent = null;
            Object currentKey = null;
            String walked = "";
            for (String segment : address.isEmpty() ? new String[0] : address.split("\\.", -1)) {
                if (current instanceof String s && s.contains("${")) {
                    current = node(s, currentParent, currentKey);
                }
                Object next = child(current, segment);
                if (next == null) {
                    String where = walked.isEmpty() ? "the configuration" : "'" + walked + "'";
                    return new Missing(
                            VariableException.UNRESOLVED, where + " has no '" + segment + "'");
                }
                currentParent = current;
                currentKey = current instanceof List ? (Object) Integer.valueOf(segment) : segment;
                current = next;
                walked = walked.isEmpty() ? segment : walked + "." + segment;
            }
            if (current == null) {
                return new Missing(VariableException.UNRESOLVED, "'" + address + "' is null");
            }
            return node(current, currentParent, currentKey);
        } finally {
            resolving.pop();
        }
    }

    private static Object child(Object container, String segment) {
        if (container instanceof Map<?, ?> m) {
            return m.get(segment);
        }
        if (container instanceof List<?> l && segment.matches("\\d+")) {
            int i = Integer.parseInt(segment);
            return i < l.size() ? l.get(i) : null;
        }
        return null;
    }

    private Object fail(String code, Object parent, Object key, String message) {
        errors.add(Diagnostic.error(code, origins.child(parent, key).orElse(null), message));
        return FAILED;
    }

    private static String scalarText(Object v) {
        if (v instanceof Double d && !d.isInfinite() && !d.isNaN()) {
            return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
        }
        return String.valueOf(v);
    }

    /** A candidate without a value; the next fallback is tried. */
    private record Missing(String code, String reason) {}
}
