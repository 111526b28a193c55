package cirrus.plan;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cirrus.plan.report.JsonReport;
import cirrus.plan.template.Resource;
import cirrus.plan.template.ResourceTypes;
import cirrus.plan.template.Template;

/**
 * Runs the real {@code cfn-lint} on a template. Under {@code CI=true} a missing cfn-lint fails the
 * test; elsewhere the test is skipped with a message.
 */
final class CfnLint {
    private static final Pattern HASH = Pattern.compile("#\\{([A-Za-z0-9]+)}");

    private CfnLint() {}

    /** The errors cfn-lint reports for {@code template} (warnings are ignored). */
    static List<String> errors(Template template, Path dir)
            throws IOException, InterruptedException {
        Path exe = executable();
        Path file = dir.resolve("template.json");
        Files.writeString(file, JsonReport.write(cloudFormation(template)));
        Process p =
                new ProcessBuilder(exe.toString(), "--format", "parseable", file.toString())
                        .redirectErrorStream(true)
                        .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("cfn-lint did not finish within 120 s");
        }
        List<String> errors = new ArrayList<>();
        for (String line : out.split("\n")) {
            if (line.matches(".*:E\\d+:.*")) {
                errors.add(line);
            }
        }
        if ((p.exitValue() & 1) != 0) {
            errors.add("cfn-lint failed: " + out);
        }
        return errors;
    }

    private static Path executable() {
        Optional<Path> found = Optional.empty();
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, "cfn-lint");
            if (Files.isExecutable(candidate)) {
                found = Optional.of(candidate);
                break;
            }
        }
        if (found.isEmpty()) {
            if ("true".equals(System.getenv("CI"))) {
                fail("cfn-lint is required under CI=true but is not on PATH");
            }
            assumeTrue(false, "cfn-lint not installed: skipped (required under CI=true)");
        }
        return found.get();
    }

    /**
     * A CloudFormation view of a serverless template: its resources as they are, and each state
     * machine as serverless-step-functions would emit it ({@code #{X}} → {@code ${X}} with a
     * substitution).
     */
    static Map<String, Object> cloudFormation(Template template) {
        Map<String, Object> resources = new LinkedHashMap<>();
        for (Resource r : template.resources().values()) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("Type", r.type());
            if (r.type().equals(ResourceTypes.STATE_MACHINE)
                    && template.format() == Template.Format.SERVERLESS) {
                Map<String, Object> substitutions = new LinkedHashMap<>();
                Object definition = hashToSub(r.properties().get("definition"), substitutions);
                Map<String, Object> props = new LinkedHashMap<>();
                props.put("RoleArn", "arn:aws:iam::123456789012:role/workflow");
                props.put("Definition", definition);
                props.put("DefinitionSubstitutions", substitutions);
                body.put("Properties", props);
            } else {
                if (!r.properties().isEmpty()) {
                    body.put("Properties", r.properties());
                }
                body.putAll(r.attributes());
            }
            resources.put(r.logicalId(), body);
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("AWSTemplateFormatVersion", "2010-09-09");
        root.put("Resources", resources);
        return root;
    }

    private static Object hashToSub(Object v, Map<String, Object> substitutions) {
        if (v instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, item) -> copy.put(String.valueOf(k), hashToSub(item, substitutions)));
            return copy;
        }
        if (v instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            list.forEach(item -> copy.add(hashToSub(item, substitutions)));
            return copy;
        }
        if (v instanceof String s) {
            Matcher m = HASH.matcher(s);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                substitutions.put(m.group(1), Map.of("Ref", m.group(1)));
                m.appendReplacement(out, Matcher.quoteReplacement("${" + m.group(1) + "}"));
            }
            m.appendTail(out);
            return out.toString();
        }
        return v;
    }
}
