package cirrus.scaffold;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A text template shipped in the jar under {@code /cirrus/templates/}. Placeholders are written
 * {@code {{key}}} so that serverless variables ({@code ${self:…}}) and CloudFormation
 * pseudo-parameters ({@code #{AWS::…}}) in the templates need no escaping.
 */
final class Template {
    private static final String ROOT = "/cirrus/templates/";

    private Template() {}

    /** The bytes of template {@code name}, e.g. {@code init/cirrus.yml}. */
    static byte[] bytes(String name) {
        try (InputStream in = Template.class.getResourceAsStream(ROOT + name)) {
            if (in == null) {
                throw new IllegalStateException("template missing from the jar: " + ROOT + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Template {@code name} with every {@code {{key}}} replaced by its value. */
    static String render(String name, Map<String, String> values) {
        String text = new String(bytes(name), StandardCharsets.UTF_8);
        for (Map.Entry<String, String> e : values.entrySet()) {
            text = text.replace("{{" + e.getKey() + "}}", e.getValue());
        }
        if (text.contains("{{")) {
            throw new IllegalStateException("unfilled placeholder in template " + name);
        }
        return text;
    }
}
