package cirrus.plan.template;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The resources of one compiled template, whatever it came from: the {@code resources.Resources}
 * and {@code stepFunctions.stateMachines} of a {@code serverless.yml} (with {@code ${self:…}}
 * variables resolved), or the {@code Resources} of a CloudFormation template.
 *
 * @param source the file it was read from
 * @param format what kind of file it is
 * @param service the serverless {@code service} name, when the file has one
 * @param resources the resources by logical id, in file order
 */
public record Template(
        Path source, Format format, Optional<String> service, Map<String, Resource> resources) {

    /** The kinds of file a template is read from. */
    public enum Format {
        SERVERLESS,
        CLOUDFORMATION
    }

    public Template {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(service, "service");
        resources = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(resources));
    }

    public Optional<Resource> resource(String logicalId) {
        return Optional.ofNullable(resources.get(logicalId));
    }

    /** The resources of {@code type}, in file order. */
    public List<Resource> ofType(String type) {
        List<Resource> result = new ArrayList<>();
        for (Resource r : resources.values()) {
            if (r.type().equals(type)) {
                result.add(r);
            }
        }
        return result;
    }

    /** The same template with other resources (used by the blue/green step). */
    public Template withResources(Map<String, Resource> newResources) {
        return new Template(source, format, service, newResources);
    }
}
