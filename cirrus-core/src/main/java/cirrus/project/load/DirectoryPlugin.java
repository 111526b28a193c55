package cirrus.project.load;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A resource plugin that is a plain directory, named on {@code CIRRUS_PLUGIN_PATH}.
 *
 * @param name the plugin name
 * @param root the directory
 * @param description one line shown by {@code show plugins}
 */
public record DirectoryPlugin(String name, Path root, String description)
        implements ResourcePlugin {
    public DirectoryPlugin {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(root, "root");
        description = description == null ? "" : description;
    }
}
