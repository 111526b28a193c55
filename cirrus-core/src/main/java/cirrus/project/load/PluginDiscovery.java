package cirrus.project.load;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.function.Consumer;

import cirrus.diag.Diagnostic;
import cirrus.project.ProjectException;
import cirrus.project.Source;
import cirrus.yaml.YamlLoader;

/**
 * Finds the resource plugins: the built-in resources first, then every other plugin sorted by name
 * (a fixed order, so listings and builds are deterministic).
 *
 * <p>{@code CIRRUS_PLUGIN_PATH} is a list of entries separated by {@code :} (the platform path
 * separator). An entry is a plugin directory or a {@code .jar} file, optionally prefixed with
 * {@code name=}. A directory plugin is named by that prefix, else by the {@code name} in its
 * optional {@code cirrus-plugin.yml}, else by the directory name; that file may also give a
 * one-line {@code description}. Jars are searched, together with the classpath, for {@link
 * ResourcePlugin} implementations registered with {@link ServiceLoader}.
 */
public final class PluginDiscovery {
    /** The environment variable listing plugin directories and jars. */
    public static final String PLUGIN_PATH = "CIRRUS_PLUGIN_PATH";

    /** The optional file describing a directory plugin. */
    public static final String DESCRIPTOR = "cirrus-plugin.yml";

    /** Warning code: an entry of {@code CIRRUS_PLUGIN_PATH} is neither a directory nor a jar. */
    public static final String BAD_ENTRY = "CIRRUS-L001";

    /** Error code: two plugins have the same name, or a plugin claims the name {@code built-in}. */
    public static final String DUPLICATE = "CIRRUS-L002";

    /** Error code: a jar plugin could not be loaded. */
    public static final String BROKEN = "CIRRUS-L003";

    private PluginDiscovery() {}

    /**
     * All plugins, built-in first.
     *
     * @param pluginPath the value of {@code CIRRUS_PLUGIN_PATH}, if set
     * @param workingDirectory what relative entries are resolved against
     * @param classLoader where to look for registered plugin implementations
     * @param warnings receives warnings about unusable entries
     */
    public static List<ResourcePlugin> discover(
            Optional<String> pluginPath,
            Path workingDirectory,
            ClassLoader classLoader,
            Consumer<Diagnostic> warnings) {
        List<ResourcePlugin> plugins = new ArrayList<>();
        List<URL> jars = new ArrayList<>();
        for (String entry :
                pluginPath.map(p -> p.split(File.pathSeparator)).orElse(new String[0])) {
            if (entry.isBlank()) {
                continue;
            }
            String name = null;
            String location = entry;
            int eq = entry.indexOf('=');
            if (eq > 0) {
                name = entry.substring(0, eq);
                location = entry.substring(eq + 1);
            }
            Path path = workingDirectory.resolve(location).toAbsolutePath().normalize();
            if (Files.isDirectory(path)) {
                plugins.add(directoryPlugin(name, path));
            } else if (Files.isRegularFile(path) && path.toString().endsWith(".jar")) {
                jars.add(url(path));
            } else {
                warnings.accept(
                        Diagnostic.warning(
                                BAD_ENTRY,
                                null,
                                PLUGIN_PATH
                                        + " entry '"
                                        + entry
                                        + "' is neither a directory nor a .jar file; ignored"));
            }
        }
        ClassLoader loader =
                jars.isEmpty()
                        ? classLoader
                        : new URLClassLoader(jars.toArray(URL[]::new), classLoader);
        try {
            for (ResourcePlugin plugin : ServiceLoader.load(ResourcePlugin.class, loader)) {
                plugins.add(plugin);
            }
        } catch (ServiceConfigurationError e) {
            throw new ProjectException(
                    BROKEN, "Cannot load a resource plugin: " + e.getMessage(), e);
        }
        plugins.sort(Comparator.comparing(ResourcePlugin::name));
        checkNames(plugins);
        List<ResourcePlugin> all = new ArrayList<>();
        all.add(new BuiltinResources());
        all.addAll(plugins);
        return List.copyOf(all);
    }

    private static void checkNames(List<ResourcePlugin> plugins) {
        Map<String, ResourcePlugin> byName = new HashMap<>();
        for (ResourcePlugin plugin : plugins) {
            if (plugin.name() == null
                    || plugin.name().isBlank()
                    || plugin.name().equals(Source.BUILT_IN_NAME)) {
                throw new ProjectException(
                        DUPLICATE,
                        "Resource plugin at '"
                                + plugin.root()
                                + "' has an invalid name '"
                                + plugin.name()
                                + "'");
            }
            ResourcePlugin other = byName.put(plugin.name(), plugin);
            if (other != null) {
                throw new ProjectException(
                        DUPLICATE,
                        "Two resource plugins are named '"
                                + plugin.name()
                                + "': '"
                                + other.root()
                                + "' and '"
                                + plugin.root()
                                + "'; give one a different name with name=DIR in "
                                + PLUGIN_PATH);
            }
        }
    }

    private static DirectoryPlugin directoryPlugin(String name, Path dir) {
        String description = "";
        Path descriptor = dir.resolve(DESCRIPTOR);
        if (Files.isRegularFile(descriptor)) {
            Optional<Map<String, Object>> info = YamlLoader.load(descriptor).rootMap();
            if (info.isPresent()) {
                if (name == null && info.get().get("name") instanceof String n && !n.isBlank()) {
                    name = n;
                }
                if (info.get().get("description") instanceof String d) {
                    description = d;
                }
            }
        }
        if (name == null) {
            name = dir.getFileName().toString();
        }
        return new DirectoryPlugin(name, dir, description);
    }

    private static URL url(Path jar) {
        try {
            return jar.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new UncheckedIOException(new IOException(e));
        }
    }
}
