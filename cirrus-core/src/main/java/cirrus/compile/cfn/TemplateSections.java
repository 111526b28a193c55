package cirrus.compile.cfn;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The sections of the template being compiled. The project's own CloudFormation objects are put
 * first; a generated entry with the id of a project entry is merged under it (the project's keys
 * win, maps merge key by key), which is how the Serverless Framework lets a project override
 * properties of generated resources. Two generated entries with one id are an error.
 */
final class TemplateSections {
    /** The sections in the order CloudFormation documents them. */
    static final List<String> ORDER =
            List.of(
                    "Metadata",
                    "Parameters",
                    "Rules",
                    "Mappings",
                    "Conditions",
                    "Resources",
                    "Outputs");

    private final Findings findings;
    private final Map<String, Map<String, Object>> sections = new LinkedHashMap<>();
    private final Set<String> fromProject = new HashSet<>();
    private Object description;
    private Object transform;

    TemplateSections(Findings findings) {
        this.findings = findings;
        ORDER.forEach(s -> sections.put(s, new LinkedHashMap<>()));
    }

    /** Adds the project's entry {@code id} of {@code section}. */
    void project(String section, String id, Object value) {
        sections.get(section).put(id, value);
        fromProject.add(section + "/" + id);
    }

    void description(Object value) {
        description = value;
    }

    void transform(Object value) {
        transform = value;
    }

    /**
     * Adds a generated resource; returns the map to fill in (the merged one when the project
     * declares the same id).
     */
    Map<String, Object> resource(String id, String type, Map<String, Object> properties) {
        Map<String, Object> resource = new LinkedHashMap<>();
        resource.put("Type", type);
        resource.put("Properties", properties);
        return put("Resources", id, resource);
    }

    void output(String id, Object value, String description) {
        Map<String, Object> output = new LinkedHashMap<>();
        if (description != null) {
            output.put("Description", description);
        }
        output.put("Value", value);
        put("Outputs", id, output);
    }

    void parameter(String id, Map<String, Object> definition) {
        put("Parameters", id, definition);
    }

    void metadata(String id, Map<String, Object> value) {
        put("Metadata", id, value);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> put(String section, String id, Map<String, Object> generated) {
        Map<String, Object> entries = sections.get(section);
        Object existing = entries.get(id);
        if (existing == null) {
            entries.put(id, generated);
            return generated;
        }
        if (fromProject.remove(section + "/" + id) && existing instanceof Map<?, ?> project) {
            Map<String, Object> merged = merge(generated, (Map<String, Object>) project);
            entries.put(id, merged);
            return merged;
        }
        findings.error(
                CfnCode.DUPLICATE_ID,
                section + "." + id,
                "generated twice; rename one of the functions, state machines or events that produce it");
        return generated;
    }

    /**
     * {@code base} with {@code overlay} merged in: maps merge key by key, anything else is
     * replaced.
     */
    @SuppressWarnings("unchecked")
    static Map<String, Object> merge(Map<String, Object> base, Map<String, Object> overlay) {
        Map<String, Object> merged = new LinkedHashMap<>(base);
        overlay.forEach(
                (k, v) -> {
                    Object b = merged.get(k);
                    if (b instanceof Map<?, ?> bm && v instanceof Map<?, ?> vm) {
                        merged.put(k, merge((Map<String, Object>) bm, (Map<String, Object>) vm));
                    } else {
                        merged.put(k, v);
                    }
                });
        return merged;
    }

    boolean hasResource(String id) {
        return sections.get("Resources").containsKey(id);
    }

    /** The type of resource {@code id}, or null. */
    String resourceType(String id) {
        return Tree.text(Tree.map(sections.get("Resources").get(id)).get("Type")).orElse(null);
    }

    Map<String, Object> section(String name) {
        return sections.get(name);
    }

    /**
     * The ids of every resource, parameter and condition (what {@code Ref} and {@code Fn::GetAtt}
     * may name).
     */
    Set<String> referable() {
        Set<String> ids = new HashSet<>(sections.get("Resources").keySet());
        ids.addAll(sections.get("Parameters").keySet());
        return ids;
    }

    /** The template, sections in CloudFormation's order, empty sections left out. */
    Map<String, Object> template() {
        Map<String, Object> template = new LinkedHashMap<>();
        template.put("AWSTemplateFormatVersion", "2010-09-09");
        if (description != null) {
            template.put("Description", description);
        }
        for (String section : ORDER) {
            if (section.equals("Resources") && transform != null) {
                template.put("Transform", transform);
            }
            Map<String, Object> entries = sections.get(section);
            if (!entries.isEmpty() || section.equals("Resources")) {
                template.put(section, entries);
            }
        }
        return template;
    }

    /** Every id of {@code section}, in order. */
    List<String> ids(String section) {
        return new ArrayList<>(sections.get(section).keySet());
    }
}
