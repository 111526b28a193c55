package cirrus.project;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What every component has: identity, origin, description and its {@code definition.yml}.
 *
 * @param type the component type
 * @param name the component name (its directory name, verbatim)
 * @param source built-in, plugin or project
 * @param directory the component directory (inside the jar for built-in components)
 * @param description the description shown by {@code show}; empty when there is none
 * @param definition {@code definition.yml} as loaded, read-only
 */
public record ComponentInfo(
        ComponentType type,
        String name,
        Source source,
        Path directory,
        String description,
        Map<String, Object> definition) {
    public ComponentInfo {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(directory, "directory");
        description = description == null ? "" : description;
        definition = Trees.freeze(definition);
    }

    /** The files this component declares, whether or not they exist. */
    public List<ComponentFile> files() {
        return type.files();
    }

    /** The path of a declared file. */
    public Path file(ComponentFile file) {
        return directory.resolve(file.fileName());
    }
}
