package cirrus.plan.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import cirrus.plan.Finding;
import cirrus.plan.Plan;
import cirrus.plan.ResourcePlan;
import cirrus.plan.Risk;
import cirrus.plan.Source;
import cirrus.plan.bluegreen.BlueGreenStatus;
import cirrus.plan.diff.Change;
import cirrus.plan.diff.ResourceChange;

/**
 * The plan as JSON for machines ({@code cirrus plan --format json}). Field names are stable; values
 * of changes are given as the compact text of {@link ValueText} plus the raw tree.
 */
public final class JsonReport {
    private static final ObjectMapper MAPPER =
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonReport() {}

    /** The JSON text of {@code plan}, ending with a newline. */
    public static String of(Plan plan) {
        return write(tree(plan));
    }

    /** Writes a tree of maps, lists and scalars as indented JSON with a final newline. */
    public static String write(Object tree) {
        try {
            return MAPPER.writeValueAsString(tree) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write plan JSON", e);
        }
    }

    /** The plan as a tree of maps and lists. */
    public static Map<String, Object> tree(Plan plan) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("before", plan.before());
        root.put("after", plan.after());
        root.put("breaking", plan.breaking());
        root.put("severity", plan.risk().label());
        Map<String, Object> summary = new LinkedHashMap<>();
        for (Risk r : Risk.values()) {
            summary.put(r.label(), plan.count(r));
        }
        summary.put("resources", plan.resources().size());
        summary.put("notAnalysed", plan.notAnalysed().size());
        root.put("summary", summary);
        List<Object> resources = new ArrayList<>();
        for (ResourcePlan r : plan.resources()) {
            resources.add(resource(r));
        }
        root.put("resources", resources);
        List<Object> stack = new ArrayList<>();
        plan.stack().forEach(f -> stack.add(finding(f)));
        root.put("stack", stack);
        List<Object> notAnalysed = new ArrayList<>();
        for (ResourceChange c : plan.notAnalysed()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("logicalId", c.logicalId());
            m.put("type", c.type());
            m.put("change", c.kind().label());
            m.put("paths", c.changes().stream().map(Change::path).distinct().toList());
            notAnalysed.add(m);
        }
        root.put("notAnalysed", notAnalysed);
        List<Object> blueGreen = new ArrayList<>();
        for (BlueGreenStatus b : plan.blueGreen()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("stems", b.stems());
            m.put("liveBefore", b.liveBefore().map(Enum::name).orElse(null));
            m.put("liveAfter", b.liveAfter().name());
            m.put("retired", b.retired().map(Enum::name).orElse(null));
            m.put("summary", b.summary());
            m.put("next", b.next());
            blueGreen.add(m);
        }
        root.put("blueGreen", blueGreen);
        return root;
    }

    private static Map<String, Object> resource(ResourcePlan r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("logicalId", r.logicalId());
        m.put("type", r.type());
        m.put("change", r.change().kind().label());
        m.put("action", r.action().id());
        m.put("severity", r.risk().label());
        List<Object> changes = new ArrayList<>();
        for (Change c : r.change().changes()) {
            Map<String, Object> cm = new LinkedHashMap<>();
            cm.put("path", c.path());
            cm.put("before", c.before() == Change.ABSENT ? null : ValueText.of(c.before()));
            cm.put("after", c.after() == Change.ABSENT ? null : ValueText.of(c.after()));
            if (c.derived()) {
                cm.put("derivedFrom", c.cause());
            }
            changes.add(cm);
        }
        m.put("changes", changes);
        List<Object> findings = new ArrayList<>();
        r.findings().forEach(f -> findings.add(finding(f)));
        m.put("findings", findings);
        return m;
    }

    private static Map<String, Object> finding(Finding f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rule", f.rule());
        m.put("row", f.row() == 0 ? null : f.row());
        m.put("resource", f.logicalId());
        m.put("type", f.type());
        m.put("action", f.action().id());
        m.put("severity", f.risk().label());
        m.put("paths", f.paths());
        m.put("why", f.why());
        m.put("impact", f.impact());
        m.put("strategy", f.strategy());
        List<Object> sources = new ArrayList<>();
        for (Source s : f.sources()) {
            Map<String, Object> source = new LinkedHashMap<>();
            source.put("id", s.id());
            source.put("url", s.url());
            sources.add(source);
        }
        m.put("sources", sources);
        return m;
    }
}
