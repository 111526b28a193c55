package cirrus.project.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.Map;

/**
 * A source of components and CloudFormation fragments besides the project: a directory laid out
 * like a project ({@code functions/}, {@code feeders/}, {@code tasks/}, {@code workflows/}, {@code
 * cloudformation/}). Its components are listed before the project's, and a project component of the
 * same name replaces a plugin's.
 *
 * <p>Plugins come from three places: the built-in resources of cirrus, directories on {@code
 * CIRRUS_PLUGIN_PATH}, and jars that register an implementation of this interface with {@link
 * java.util.ServiceLoader} (in {@code META-INF/services/cirrus.project.load.ResourcePlugin}). A jar
 * plugin typically keeps its resources in the jar and returns {@link #classpathDirectory}.
 */
public interface ResourcePlugin {
    /** The plugin name, shown as the source of its components; unique; not {@code built-in}. */
    String name();

    /** The directory holding the plugin's group directories. */
    Path root();

    /** One line describing the plugin, shown by {@code cirrus show plugins}. */
    default String description() {
        return "";
    }

    /**
     * The directory {@code resourceDirectory} (e.g. {@code /my/plugin}) on the classpath of {@code
     * anchor}, as a {@link Path}: a plain directory when running from classes, a path inside the
     * jar otherwise.
     */
    static Path classpathDirectory(Class<?> anchor, String resourceDirectory) {
        String name =
                resourceDirectory.startsWith("/") ? resourceDirectory : "/" + resourceDirectory;
        URL url = anchor.getResource(name);
        if (url == null) {
            throw new IllegalStateException("resource directory not found: " + name);
        }
        try {
            URI uri = url.toURI();
            if ("jar".equals(uri.getScheme())) {
                FileSystem fs;
                try {
                    fs = FileSystems.newFileSystem(uri, Map.of());
                } catch (FileSystemAlreadyExistsException e) {
                    fs = FileSystems.getFileSystem(uri);
                }
                return fs.getPath(name);
            }
            return Path.of(uri);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("bad resource URL " + url, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
