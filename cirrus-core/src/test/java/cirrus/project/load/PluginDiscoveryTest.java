package cirrus.project.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cirrus.diag.Diagnostic;
import cirrus.project.Component;
import cirrus.project.ComponentType;
import cirrus.project.PathDisplay;
import cirrus.project.Project;

class PluginDiscoveryTest {
    @TempDir Path dir;
    private final List<Diagnostic> warnings = new ArrayList<>();

    private List<ResourcePlugin> discover(String path) {
        return PluginDiscovery.discover(
                Optional.ofNullable(path), dir, getClass().getClassLoader(), warnings::add);
    }

    private Path pluginDir(String name, String task) throws IOException {
        Path root = Files.createDirectories(dir.resolve(name));
        Path t = Files.createDirectories(root.resolve("tasks").resolve(task));
        Files.writeString(
                t.resolve("definition.yml"), "description: from " + name + "\nbatch: {x: 1}\n");
        return root;
    }

    @Test
    void withoutPluginsThereAreOnlyTheBuiltInResources() {
        assertThat(discover(null)).extracting(ResourcePlugin::name).containsExactly("built-in");
    }

    @Test
    void directoriesAreNamedByPrefixThenDescriptorThenDirectoryName() throws IOException {
        pluginDir("zeta", "z-task");
        Path described = pluginDir("described", "d-task");
        Files.writeString(
                described.resolve(PluginDiscovery.DESCRIPTOR),
                "name: cirrus-test-plugin\ndescription: A test plugin\n");
        pluginDir("other", "o-task");
        List<ResourcePlugin> plugins = discover("zeta:described:aaa=other");
        assertThat(plugins)
                .extracting(ResourcePlugin::name)
                .containsExactly("built-in", "aaa", "cirrus-test-plugin", "zeta");
        assertThat(plugins.get(2).description()).isEqualTo("A test plugin");
    }

    @Test
    void pluginComponentsAreListedAfterBuiltInsWithThePluginNameAsSource() throws IOException {
        pluginDir("my-plugin", "plugin-task");
        Project project =
                ProjectLoader.open(
                        Optional.empty(), discover("my-plugin"), new PathDisplay(dir), d -> {});
        assertThat(project.components(ComponentType.TASK))
                .extracting(Component::displayName)
                .containsExactly(
                        "post-batch (built-in, lambda)",
                        "pre-batch (built-in, lambda)",
                        "publish (built-in, lambda)",
                        "plugin-task (my-plugin, batch)");
    }

    @Test
    void twoPluginsWithTheSameNameAreAnError() throws IOException {
        pluginDir("a", "t1");
        pluginDir("b", "t2");
        assertThatThrownBy(() -> discover("x=a:x=b"))
                .hasMessageContaining("Two resource plugins are named 'x'");
        assertThatThrownBy(() -> discover("built-in=a")).hasMessageContaining("invalid name");
    }

    @Test
    void entriesThatAreNeitherDirectoriesNorJarsAreIgnoredWithAWarning() {
        assertThat(discover("does-not-exist")).hasSize(1);
        assertThat(warnings)
                .extracting(Diagnostic::code)
                .containsExactly(PluginDiscovery.BAD_ENTRY);
    }

    @Test
    void jarsOnThePluginPathAreSearchedWithServiceLoader() throws Exception {
        Path jar = buildJarPlugin();
        List<ResourcePlugin> plugins = discover(jar.toString());
        assertThat(plugins)
                .extracting(ResourcePlugin::name)
                .containsExactly("built-in", "jar-plugin");
        Project project =
                ProjectLoader.open(Optional.empty(), plugins, new PathDisplay(dir), d -> {});
        assertThat(project.components(ComponentType.FEEDER))
                .extracting(Component::displayName)
                .containsExactly("feed-rerun (built-in)", "jar-feeder (DISABLED, jar-plugin)");
    }

    /** Compiles a real plugin class and packs it with its resources and service file. */
    private Path buildJarPlugin() throws Exception {
        Path src = Files.createDirectories(dir.resolve("src/example"));
        Files.writeString(
                src.resolve("JarPlugin.java"),
                "package example;\n"
                        + "public class JarPlugin implements cirrus.project.load.ResourcePlugin {\n"
                        + "  public String name() { return \"jar-plugin\"; }\n"
                        + "  public java.nio.file.Path root() {\n"
                        + "    return cirrus.project.load.ResourcePlugin.classpathDirectory(JarPlugin.class, \"/example/resources\");\n"
                        + "  }\n"
                        + "}\n");
        Path classes = Files.createDirectories(dir.resolve("classes"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int rc =
                javac.run(
                        null,
                        null,
                        null,
                        "-d",
                        classes.toString(),
                        "-cp",
                        Path.of(
                                        ResourcePlugin.class
                                                .getProtectionDomain()
                                                .getCodeSource()
                                                .getLocation()
                                                .toURI())
                                .toString(),
                        src.resolve("JarPlugin.java").toString());
        assertThat(rc).isZero();
        Path jar = dir.resolve("plugin.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            add(
                    out,
                    "example/JarPlugin.class",
                    Files.readAllBytes(classes.resolve("example/JarPlugin.class")));
            add(
                    out,
                    "META-INF/services/cirrus.project.load.ResourcePlugin",
                    "example.JarPlugin\n".getBytes(StandardCharsets.UTF_8));
            add(out, "example/resources/", new byte[0]);
            add(out, "example/resources/feeders/", new byte[0]);
            add(out, "example/resources/feeders/jar-feeder/", new byte[0]);
            add(
                    out,
                    "example/resources/feeders/jar-feeder/definition.yml",
                    "description: from a jar\n".getBytes(StandardCharsets.UTF_8));
        }
        return jar;
    }

    private static void add(JarOutputStream jar, String name, byte[] content) throws IOException {
        jar.putNextEntry(new JarEntry(name));
        OutputStream out = jar;
        out.write(content);
        jar.closeEntry();
    }
}
