package cirrus.yaml;

import java.util.Objects;

/**
 * A YAML 1.1 timestamp scalar ({@code 2010-09-09}, {@code 2001-12-14t21:59:43.10-05:00}), kept as
 * its source text so that it is written back exactly as it was read. CloudFormation and serverless
 * treat it as text.
 *
 * @param text the scalar as written in the source
 */
public record YamlTimestamp(String text) {
    public YamlTimestamp {
        Objects.requireNonNull(text, "text");
    }

    @Override
    public String toString() {
        return text;
    }
}
