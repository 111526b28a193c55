package cirrus.project;

import java.util.Locale;
import java.util.Optional;

/**
 * The top-level sections of a CloudFormation template whose entries are named objects, in the order
 * cirrus lists them. {@code AWSTemplateFormatVersion} and {@code Description} are template
 * attributes, not sections, and are skipped when reading fragments.
 *
 * @see <a
 *     href="https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/template-anatomy.html">Template
 *     anatomy</a>
 */
public enum CloudFormationSection {
    CONDITIONS("Conditions"),
    MAPPINGS("Mappings"),
    METADATA("Metadata"),
    OUTPUTS("Outputs"),
    PARAMETERS("Parameters"),
    RESOURCES("Resources"),
    RULES("Rules"),
    TRANSFORM("Transform");

    private final String key;

    CloudFormationSection(String key) {
        this.key = key;
    }

    /** The key as written in templates: {@code Resources}. */
    public String key() {
        return key;
    }

    /** The section written {@code key} in a template (exact case). */
    public static Optional<CloudFormationSection> byKey(String key) {
        for (CloudFormationSection s : values()) {
            if (s.key.equals(key)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /** The section named {@code name} in any case ({@code outputs}, {@code Outputs}). */
    public static Optional<CloudFormationSection> byNameIgnoringCase(String name) {
        for (CloudFormationSection s : values()) {
            if (s.key.toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /** True for keys a fragment may have that are not sections and are skipped silently. */
    public static boolean isTemplateAttribute(String key) {
        return key.equals("AWSTemplateFormatVersion") || key.equals("Description");
    }
}
