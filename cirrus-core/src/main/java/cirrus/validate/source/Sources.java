package cirrus.validate.source;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import cirrus.compile.Provenance;
import cirrus.diag.Diagnostic;
import cirrus.yaml.YamlDocument;
import cirrus.yaml.YamlException;
import cirrus.yaml.YamlLoader;

/**
 * The YAML files of a project as the user wrote them, each read once, with the location of every
 * node. Rules look at these trees (not at the compiled copies) so that a finding points at the line
 * the user has to change. A file that cannot be read or parsed has no tree; its error is kept in
 * {@link #errors()} (the project loader reports the same error, so it is reported once).
 */
public final class Sources {
    /** Below this many files reading them in parallel does not pay for itself. */
    static final int PARALLEL_MINIMUM = 32;

    private final Map<Path, Optional<YamlDocument>> documents = new ConcurrentHashMap<>();
    private final List<Diagnostic> errors = Collections.synchronizedList(new ArrayList<>());

    /** The document in {@code file}, or empty when it does not exist or is not valid YAML. */
    public Optional<YamlDocument> document(Path file) {
        return documents.computeIfAbsent(file, this::load);
    }

    /**
     * Reads {@code files} now, on every core when there are many (a large project's definition
     * files are most of the validator's reading); their errors are kept in file order.
     */
    public void preload(List<Path> files) {
        if (files.size() < PARALLEL_MINIMUM) {
            files.forEach(this::document);
            return;
        }
        Map<Path, Optional<YamlDocument>> read = new ConcurrentHashMap<>();
        Map<Path, List<Diagnostic>> failed = new ConcurrentHashMap<>();
        files.parallelStream()
                .distinct()
                .filter(f -> !documents.containsKey(f))
                .forEach(
                        f -> {
                            List<Diagnostic> found = new ArrayList<>();
                            read.put(f, parse(f, found));
                            if (!found.isEmpty()) {
                                failed.put(f, found);
                            }
                        });
        for (Path f : files) {
            if (read.containsKey(f) && documents.putIfAbsent(f, read.get(f)) == null) {
                errors.addAll(failed.getOrDefault(f, List.of()));
            }
        }
    }

    private Optional<YamlDocument> load(Path file) {
        return parse(file, errors);
    }

    private static Optional<YamlDocument> parse(Path file, List<Diagnostic> errors) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(YamlLoader.load(file));
        } catch (YamlException e) {
            errors.addAll(e.diagnostics());
            return Optional.empty();
        }
    }

    /** The root node of {@code file}. */
    public Optional<Node> root(Path file) {
        return document(file).map(d -> Node.root(d.root(), file, d.locations()));
    }

    /** The node an origin names: its file's root followed along its path. */
    public Optional<Node> at(Provenance.Origin origin) {
        return root(origin.file()).flatMap(root -> root.at(origin.path()));
    }

    /** Errors met reading files (syntax errors), in the order met. */
    public List<Diagnostic> errors() {
        synchronized (errors) {
            return List.copyOf(errors);
        }
    }
}
