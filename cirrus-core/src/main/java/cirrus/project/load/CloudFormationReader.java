package cirrus.project.load;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import cirrus.diag.Diagnostic;
import cirrus.diag.Location;
import cirrus.project.CloudFormationObject;
import cirrus.project.CloudFormationSection;
import cirrus.project.Source;
import cirrus.yaml.SourceMap;

/**
 * Splits a CloudFormation fragment (a {@code cloudformation/*.yml} file or a task's {@code
 * batch.resources}) into named objects. {@code AWSTemplateFormatVersion} and {@code Description}
 * are skipped; an unknown section is skipped with a warning per entry; a section that is not a
 * mapping of named objects is skipped with a warning (cirrus v0.15.4 crashed on it). Job
 * definitions get their environment injected.
 */
public final class CloudFormationReader {
    /** Warning code: an unknown top-level section. */
    public static final String UNKNOWN_SECTION = "CIRRUS-P030";

    /** Warning code: a section that is not a mapping of named objects. */
    public static final String NOT_OBJECTS = "CIRRUS-P031";

    private CloudFormationReader() {}

    /**
     * The objects of {@code fragment}.
     *
     * @param fragment the fragment's top-level mapping
     * @param locations where its parts were read from
     * @param file the file it was read from
     * @param source where it comes from
     * @param task the task declaring it, for {@code batch.resources}
     * @param origin the source label {@code show cloudformation} prints
     * @param environment the environment injected into job definitions
     * @param warnings receives warnings
     */
    static List<CloudFormationObject> read(
            Map<?, ?> fragment,
            SourceMap locations,
            Path file,
            Source source,
            Optional<String> task,
            String origin,
            Map<String, Object> environment,
            Consumer<Diagnostic> warnings) {
        List<CloudFormationObject> objects = new ArrayList<>();
        for (Map.Entry<?, ?> top : fragment.entrySet()) {
            String key = String.valueOf(top.getKey());
            if (CloudFormationSection.isTemplateAttribute(key)) {
                continue;
            }
            Location where = locations.key(fragment, key).orElse(Location.of(file));
            if (!(top.getValue() instanceof Map<?, ?> entries)) {
                warnings.accept(
                        Diagnostic.warning(
                                NOT_OBJECTS,
                                where,
                                "Skipping section '"
                                        + key
                                        + "': expected a mapping of named objects"));
                continue;
            }
            Optional<CloudFormationSection> section = CloudFormationSection.byKey(key);
            for (Map.Entry<?, ?> entry : entries.entrySet()) {
                String name = String.valueOf(entry.getKey());
                if (section.isEmpty()) {
                    warnings.accept(
                            Diagnostic.warning(
                                    UNKNOWN_SECTION,
                                    where,
                                    "Skipping item '"
                                            + name
                                            + "': Unknown cloudformation type '"
                                            + key
                                            + "'"));
                    continue;
                }
                Object definition = entry.getValue();
                if (section.get() == CloudFormationSection.RESOURCES) {
                    definition = JobDefinitionEnvironment.inject(definition, environment);
                }
                objects.add(
                        new CloudFormationObject(
                                section.get(), name, definition, source, file, task, origin));
            }
        }
        return objects;
    }
}
