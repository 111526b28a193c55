package cirrus.project.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

import cirrus.diag.Diagnostic;
import cirrus.diag.DiagnosticException;
import cirrus.diag.Location;
import cirrus.project.CirrusConfig;
import cirrus.project.CloudFormationObject;
import cirrus.project.CloudFormationSection;
import cirrus.project.Component;
import cirrus.project.ComponentType;
import cirrus.project.PathDisplay;
import cirrus.project.Project;
import cirrus.project.Source;
import cirrus.project.Task;
import cirrus.yaml.YamlDocument;
import cirrus.yaml.YamlLoader;

/**
 * Discovers the elements of a project in cirrus v0.15.4's order: for each group, the built-in
 * resources, then each plugin (by name), then the project, each directory sorted by name. Entries
 * starting with {@code .}, {@code __init__.py} and {@code __pycache__} are ignored; other files
 * among component directories are skipped with a warning. A later element with the name of an
 * earlier one replaces it in the earlier one's position, with a warning ({@code Duplicate task
 * declaration 'x', overriding}) — the documented way to override or disable a built-in.
 */
public final class ProjectLoader implements Project.Elements {
    /** Warning code: a component was left out. */
    public static final String SKIPPED = "CIRRUS-P040";

    /** Warning code: an element replaces an earlier one of the same name. */
    public static final String OVERRIDE = "CIRRUS-P041";

    /** Warning code: a CloudFormation file is not a mapping. */
    public static final String NOT_A_TEMPLATE = "CIRRUS-P042";

    private final Optional<Path> root;
    private final CirrusConfig config;
    private final List<ResourcePlugin> plugins;
    private final PathDisplay display;
    private final Consumer<Diagnostic> warnings;
    private final ComponentLoader components;
    private final DefinitionPrefetch definitions = new DefinitionPrefetch();

    /**
     * @param root the project directory; empty to load built-in and plugin elements only
     * @param config the project configuration
     * @param plugins the plugins, built-in first (see {@link PluginDiscovery})
     * @param display how paths appear in warnings
     * @param warnings receives every warning
     */
    public ProjectLoader(
            Optional<Path> root,
            CirrusConfig config,
            List<ResourcePlugin> plugins,
            PathDisplay display,
            Consumer<Diagnostic> warnings) {
        this.root = root;
        this.config = config;
        this.plugins = List.copyOf(plugins);
        this.display = display;
        this.warnings = warnings;
        this.components = new ComponentLoader(config, display, warnings, definitions);
    }

    /**
     * {@inheritDoc}
     *
     * <p>Every component is tried: when some cannot be loaded, one {@link DiagnosticException} with
     * all their errors is thrown after the whole group has been read.
     */
    @Override
    public List<Component> components(ComponentType type) {
        Map<String, Component> byName = new LinkedHashMap<>();
        List<Diagnostic> errors = new ArrayList<>();
        prefetchDefinitions(type);
        for (ResourcePlugin plugin : plugins) {
            Source source =
                    plugin instanceof BuiltinResources
                            ? Source.BUILT_IN
                            : Source.plugin(plugin.name());
            addGroup(byName, errors, type, plugin.root().resolve(type.groupName()), source);
        }
        root.ifPresent(
                r -> addGroup(byName, errors, type, r.resolve(type.groupName()), Source.PROJECT));
        definitions.clear();
        if (!errors.isEmpty()) {
            throw new DiagnosticException(errors);
        }
        return List.copyOf(byName.values());
    }

    /** Starts parsing the group's definition files in parallel (large groups only). */
    private void prefetchDefinitions(ComponentType type) {
        List<Path> files = new ArrayList<>();
        for (ResourcePlugin plugin : plugins) {
            for (Path entry : entries(plugin.root().resolve(type.groupName()))) {
                files.add(entry.resolve(cirrus.project.ComponentFile.DEFINITION));
            }
        }
        root.ifPresent(
                r -> {
                    for (Path entry : entries(r.resolve(type.groupName()))) {
                        files.add(entry.resolve(cirrus.project.ComponentFile.DEFINITION));
                    }
                });
        definitions.prefetch(files);
    }

    private void addGroup(
            Map<String, Component> byName,
            List<Diagnostic> errors,
            ComponentType type,
            Path groupDir,
            Source source) {
        for (Path entry : entries(groupDir)) {
            String name = entry.getFileName().toString();
            if (!Files.isDirectory(entry)) {
                warnings.accept(
                        Diagnostic.warning(
                                SKIPPED,
                                null,
                                "Skipping "
                                        + type.typeName()
                                        + " '"
                                        + name
                                        + "': Cannot load "
                                        + type.typeName()
                                        + " from '"
                                        + display.show(entry)
                                        + "': not a directory."));
                continue;
            }
            Optional<Component> component;
            try {
                component = components.loadOrSkip(type, name, entry, source);
            } catch (DiagnosticException e) {
                errors.addAll(e.diagnostics());
                continue;
            }
            if (component.isEmpty()) {
                continue;
            }
            if (byName.containsKey(name)) {
                warnings.accept(
                        Diagnostic.warning(
                                OVERRIDE,
                                null,
                                "Duplicate "
                                        + type.typeName()
                                        + " declaration '"
                                        + name
                                        + "', overriding"));
            }
            byName.put(name, component.get());
        }
    }

    /** The visible entries of a group directory, sorted by name; none if it does not exist. */
    static List<Path> entries(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(p -> isVisible(p.getFileName().toString()))
                    .sorted(
                            (a, b) ->
                                    a.getFileName()
                                            .toString()
                                            .compareTo(b.getFileName().toString()))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isVisible(String name) {
        return !name.startsWith(".") && !name.equals("__init__.py") && !name.equals("__pycache__");
    }

    /**
     * Every CloudFormation object of the project in section order: the built-in fragments, the
     * plugins', the project's {@code cloudformation/*.yml} (sorted), then the resources of
     * batch-enabled tasks. Later objects of the same section and name replace earlier ones in
     * place, with a warning.
     *
     * @param tasks the project's tasks (see {@link #components})
     */
    @Override
    public List<CloudFormationObject> cloudFormation(List<Component> tasks) {
        List<CloudFormationObject> all = new ArrayList<>();
        for (ResourcePlugin plugin : plugins) {
            boolean builtIn = plugin instanceof BuiltinResources;
            Source source = builtIn ? Source.BUILT_IN : Source.plugin(plugin.name());
            for (Path file : templates(plugin.root().resolve(Project.CLOUDFORMATION_DIR))) {
                all.addAll(readTemplate(file, source, source.name()));
            }
        }
        root.ifPresent(
                r -> {
                    for (Path file : templates(r.resolve(Project.CLOUDFORMATION_DIR))) {
                        all.addAll(readTemplate(file, Source.PROJECT, display.show(file)));
                    }
                });
        for (Component c : tasks) {
            if (c instanceof Task task && task.batch().enabled()) {
                all.addAll(task.batch().resources());
            }
        }
        Map<CloudFormationSection, Map<String, CloudFormationObject>> sections =
                new LinkedHashMap<>();
        for (CloudFormationObject o : all) {
            Map<String, CloudFormationObject> section =
                    sections.computeIfAbsent(o.section(), s -> new LinkedHashMap<>());
            if (section.containsKey(o.name())) {
                warnings.accept(
                        Diagnostic.warning(
                                OVERRIDE,
                                null,
                                "Duplicate "
                                        + o.section().key()
                                        + " declaration '"
                                        + o.name()
                                        + "', overriding"));
            }
            section.put(o.name(), o);
        }
        List<CloudFormationObject> result = new ArrayList<>();
        for (CloudFormationSection s : CloudFormationSection.values()) {
            result.addAll(sections.getOrDefault(s, Map.of()).values());
        }
        return List.copyOf(result);
    }

    private static List<Path> templates(Path dir) {
        return entries(dir).stream()
                .filter(p -> p.getFileName().toString().endsWith(".yml") && Files.isRegularFile(p))
                .toList();
    }

    private List<CloudFormationObject> readTemplate(Path file, Source source, String origin) {
        YamlDocument doc = YamlLoader.load(file);
        doc.warnings().forEach(warnings);
        if (doc.root() == null) {
            return List.of();
        }
        Optional<Map<String, Object>> fragment = doc.rootMap();
        if (fragment.isEmpty()) {
            warnings.accept(
                    Diagnostic.warning(
                            NOT_A_TEMPLATE,
                            doc.locations().of(doc.root()).orElse(Location.of(file)),
                            "Skipping CloudFormation file: expected a mapping of sections"));
            return List.of();
        }
        return CloudFormationReader.read(
                fragment.get(),
                doc.locations(),
                file,
                source,
                Optional.empty(),
                origin,
                config.providerEnvironment(),
                warnings);
    }

    /**
     * Opens the project at {@code root} (or only built-in and plugin elements when empty): reads
     * {@code cirrus.yml}; groups load on first use.
     */
    public static Project open(
            Optional<Path> root,
            List<ResourcePlugin> plugins,
            PathDisplay display,
            Consumer<Diagnostic> warnings) {
        CirrusConfig config =
                root.map(r -> CirrusConfig.load(r.resolve(Project.CONFIG_FILE), warnings))
                        .orElseGet(CirrusConfig::none);
        return new Project(
                root, config, new ProjectLoader(root, config, plugins, display, warnings));
    }

    /** The component loader this project loader uses (for checking new components). */
    public ComponentLoader componentLoader() {
        return components;
    }
}
